// A new owner's first hour with a shop, on a phone (390 px), in Persian and in English: from the
// dashboard's checklist to Settings → Store connections, connect a (fake, local) WooCommerce shop
// in one step, watch its history come in, find its orders on the Orders page, then send a test
// delivery and read the connection's health; the manual way's steps in the shop's own words; and
// the loyalty club, enabled after the import, crediting the shop's past orders once.
import { createHmac } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { wooOrder } from "../../worker/core/webhooks-in/fixtures/woocommerce";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sameOrigin, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor, type Visitor } from "./support/browser";
import { eventually, reloadUntilShown } from "./support/waiting";
import { LANGUAGES, words, type Language } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE_390 = { width: 390, height: 844 };
const persian = (text: string) => text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
const shown = (language: Language, text: string) => (language === "fa" ? persian(text) : text);

const ui = {
  en: {
    openConnectShop: /^Open: Connect your shop/,
    connectInOneStep: "Connect a shop in one step",
    shopUrl: "Shop address",
    consumerKey: "Consumer key",
    consumerSecret: "Consumer secret",
    connect: "Connect",
    importing: "Importing your shop's history",
    importDone: (customers: number, orders: number) => `Done: ${customers} customers and ${orders} orders.`,
    sendTest: "Send a test",
    testProcessed: "The test arrived and was processed.",
    health: (name: string) => `Health of ${name}`,
    lastDelivery: "Last delivery",
    showFailures: "Show failures",
    replay: "Replay",
    newConnection: "Connect a store",
    platform: "Platform",
    name: "Name",
    orderCreated: "Order created",
    deliveryUrl: "Delivery URL",
    nothingForPastOrders: "Enabling it changes nothing for past orders",
    pastOrdersNote: (orders: number, buyers: number) => `Enabling the club changed nothing for past orders: ${orders} paid orders of ${buyers} buyers have earned no points.`,
    creditPastOrders: "Credit past orders",
  },
  fa: {
    openConnectShop: /^رفتن: فروشگاهتان را/,
    connectInOneStep: "اتصال یک‌مرحله‌ای فروشگاه",
    shopUrl: "نشانی فروشگاه",
    consumerKey: "کلید مصرف‌کننده (Consumer key)",
    consumerSecret: "رمز مصرف‌کننده (Consumer secret)",
    connect: "اتصال",
    importing: "در حال آوردن پیشینهٔ فروشگاه",
    importDone: (customers: number, orders: number) => `انجام شد: ${persian(String(customers))} مشتری و ${persian(String(orders))} سفارش.`,
    sendTest: "ارسال آزمایشی",
    testProcessed: "تحویل آزمایشی رسید و پردازش شد.",
    health: (name: string) => `وضعیت ${name}`,
    lastDelivery: "آخرین تحویل",
    showFailures: "نمایش ناموفق‌ها",
    replay: "پردازش دوباره",
    newConnection: "اتصال فروشگاه",
    platform: "سکو",
    name: "نام",
    orderCreated: "سفارش ایجاد شد (Order created)",
    deliveryUrl: "نشانی تحویل (Delivery URL)",
    nothingForPastOrders: "فعال کردن آن برای سفارش‌های گذشته کاری نمی‌کند",
    pastOrdersNote: (orders: number, buyers: number) => `فعال کردن باشگاه برای سفارش‌های گذشته کاری نکرد: ${persian(String(orders))} سفارش پرداخت‌شدهٔ ${persian(String(buyers))} خریدار هنوز امتیازی نگرفته‌اند.`,
    creditPastOrders: "اعتبار دادن به سفارش‌های گذشته",
  },
};

const sidewaysScroll = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

describe.each(LANGUAGES)("connecting a shop in %s", (language) => {
  const w = words[language];
  const t = ui[language];

  /** Connects the fake shop through the API and waits until its history is in. */
  async function connectedShop({ context }: Visitor) {
    const connected = await context.request.post("/api/connections/connect", {
      data: { platform: "woocommerce", shopUrl: shop.origin, consumerKey: shop.consumerKey, consumerSecret: shop.consumerSecret },
      headers: sameOrigin(),
    });
    expect(connected.status(), await connected.text()).toBe(201);
    const { id } = (await connected.json()) as { id: string };
    await eventually("the shop's history import", async () => ((await (await context.request.get(`/api/connections/${id}/import`)).json()) as { import: { status: string } }).import.status).toBe("done");
  }
  const shop = inject("fakeShop");

  it("connects a WooCommerce shop from the checklist, imports its history with progress, lists its orders, and sends a test", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE_390, phone: true });
    const { page } = visitor;
    await signUpByApi(visitor, language);

    await page.goto("/");
    await page.getByRole("link", { name: t.openConnectShop }).click();
    await page.getByRole("button", { name: t.connectInOneStep }).click();
    await page.getByLabel(t.shopUrl).fill(shop.origin);
    await page.getByLabel(t.consumerKey).fill(shop.consumerKey);
    await page.getByLabel(t.consumerSecret).fill(shop.consumerSecret);
    await page.getByRole("button", { name: t.connect, exact: true }).click();

    // The import runs page by page on the jobs queue; the panel shows its progress until it is done.
    // (The connection's status and its health panel may both show it, and say when it is done.)
    await page.getByRole("progressbar", { name: t.importing }).first().waitFor();
    await page.getByText(t.importDone(shop.customers, shop.orders)).first().waitFor();
    expect(visitor.problems).toEqual([]);

    await page.goto("/orders");
    const lastOrder = page.getByRole("main").getByRole("link", { name: shown(language, String(shop.orders)), exact: true });
    // The import wrote its orders before it said "done", so the page shows them once it has loaded.
    await reloadUntilShown(page, lastOrder, "the shop's last order on the Orders page");
    await eventually("the shop's last order listed once", () => lastOrder.count()).toBe(1);

    await page.goto("/settings/connections");
    const host = new URL(shop.origin).hostname;
    const health = page.getByRole("region", { name: t.health(host) });
    await health.getByText(t.lastDelivery).waitFor();
    await health.getByRole("button", { name: t.sendTest }).click();
    await health.getByText(t.testProcessed).waitFor();
    // The health shows the test as the last delivery, at once (no longer "none yet").
    await eventually("the last delivery's time", () => health.locator("dd").first().textContent()).toMatch(language === "fa" ? /[۰-۹]/ : /\d/);
    await eventually("sideways scrolling at 390 px", () => sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it("shows the manual way with a generated secret and the topics as WooCommerce names them, then a failed delivery with its reason and a replay", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE_390, phone: true });
    const { page } = visitor;
    await signUpByApi(visitor, language);
    await page.goto("/settings/connections");
    await page.getByRole("button", { name: t.newConnection, exact: true }).click();
    await page.getByRole("textbox", { name: t.name, exact: true }).fill("Manual");
    await page.getByRole("button", { name: t.connect, exact: true }).click();
    await page.getByLabel(t.deliveryUrl).first().waitFor();
    await eventually("the delivery URL", () => page.getByLabel(t.deliveryUrl).first().inputValue()).toMatch(/\/webhooks\/woocommerce\/con_/);
    await eventually("the generated secret", () => page.locator(".secret-box input").inputValue()).toMatch(/^[0-9a-f]{64}$/);
    await page.getByText(t.orderCreated).first().waitFor();
    await eventually("sideways scrolling at 390 px", () => sidewaysScroll(page)).toBeLessThanOrEqual(0);

    // The shop, set up by hand, sends an order the CRM cannot take: the health lists it with its reason.
    const secret = await page.locator(".secret-box input").inputValue();
    const url = new URL(await page.getByLabel(t.deliveryUrl).first().inputValue());
    const body = JSON.stringify(wooOrder({ id: 501, currency: "XYZ" }));
    const sent = await visitor.context.request.post(url.pathname, {
      data: body,
      headers: { "content-type": "application/json", "x-wc-webhook-topic": "order.created", "x-wc-webhook-delivery-id": "manual-1", "x-wc-webhook-signature": createHmac("sha256", secret).update(body).digest("base64") },
    });
    expect(sent.status()).toBe(202);
    // It is processed after the shop's answer: once it is, the page (loaded afresh) shows it.
    const connectionId = url.pathname.split("/").at(-1)!;
    const rejected = async () => ((await (await visitor.context.request.get(`/api/connections/${connectionId}/deliveries?status=rejected`)).json()) as { items: unknown[] }).items.length;
    await eventually("the delivery rejected", rejected).toBe(1);
    await page.reload();
    const showFailures = page.getByRole("button", { name: t.showFailures });
    await showFailures.click();
    await page.getByText(/currency/).first().waitFor();
    await page.getByRole("button", { name: t.replay }).first().waitFor();
    await eventually("sideways scrolling at 390 px with the failures open", () => sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it("says enabling the loyalty club changes nothing for past orders, then credits the imported orders once", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE_390, phone: true });
    const { page, context } = visitor;
    await signUpByApi(visitor, language);
    await connectedShop(visitor);

    await page.goto("/settings/plugins");
    const card = page.getByRole("region").filter({ has: page.getByRole("heading", { level: 2, name: w.loyalty }) });
    await card.getByText(t.nothingForPastOrders).waitFor();
    await card.getByRole("switch", { name: w.pluginEnabled }).click();
    await eventually("the loyalty club's switch", () => card.getByRole("switch", { name: w.pluginEnabled }).isChecked()).toBe(true);

    await page.goto("/plugins/loyalty");
    await page.getByText(t.pastOrdersNote(shop.orders, shop.customers), { exact: false }).waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: t.creditPastOrders }).click();
    // Each past order earned its point (the fake shop's orders are 100,001 toman and up), once.
    await eventually("members after crediting", async () => ((await (await context.request.get("/api/plugins/loyalty/members?limit=50")).json()) as { items: unknown[] }).items.length).toBe(shop.customers);
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await eventually("the offer once every past order is credited", () => page.getByRole("button", { name: t.creditPastOrders }).count()).toBe(0);
    await eventually("sideways scrolling at 390 px", () => sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(visitor.problems).toEqual([]);
    await context.close();
  });
});
