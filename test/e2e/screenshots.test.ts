// Screenshots of the main pages in both languages, from the seeded demo workspace, into
// test-results/screenshots/ (git-ignored) on every run. `npm run screenshots` also copies a few
// into docs/screenshots/ for the README. Each page must first show its content, not a spinner.
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sameOrigin } from "./support/accounts";
import { DESKTOP, PHONE, launchBrowser, newVisitor, type Visitor } from "./support/browser";
import { docsScreenshotsDir, screenshotsDir } from "./support/paths";
import { eventually } from "./support/waiting";
import { LANGUAGES, type Language } from "./support/words";

// The demo owner scripts/seed-demo.mjs creates (scripts/demo-account.mjs); only this file signs in
// as them, so changing their language here races with nothing.
const DEMO = { email: "demo@example.com", password: "edge-crm-demo" };
const LOADING = /Loading…|در حال بارگذاری…/;
/** The screenshots the README shows. */
const FOR_DOCS = [
  "fa-dashboard",
  "fa-customer",
  "en-customers",
  "en-order",
  "fa-tasks-month",
  "fa-login",
  "fa-phone-customer",
  "fa-phone-customers-filtered",
  "en-settings-plugins",
  "en-settings-messaging",
  "fa-phone-sms-composer",
];
const copyToDocs = process.env.SCREENSHOTS_FOR_DOCS === "1";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(screenshotsDir, { recursive: true });
  if (copyToDocs) await mkdir(docsScreenshotsDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the page has its data (no loading notice) and fonts, then saves it as <name>.png. */
async function shoot(page: Page, name: string) {
  await eventually(`loading notices on ${name}`, () => page.getByRole("status").filter({ hasText: LOADING }).count()).toBe(0);
  await page.evaluate("document.fonts.ready.then(() => true)");
  const file = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
  if (copyToDocs && FOR_DOCS.includes(name)) await copyFile(file, join(docsScreenshotsDir, `${name}.png`));
}

/** Signs the visitor in as the demo owner, in the given language, with the loyalty club on. */
async function demoOwner(visitor: Visitor, language: Language) {
  const { request } = visitor.context;
  expect((await request.post("/api/auth/login", { data: DEMO, headers: sameOrigin() })).status()).toBe(200);
  expect((await request.patch("/api/auth/me", { data: { locale: language }, headers: sameOrigin() })).status()).toBe(200);
  expect((await request.patch("/api/plugins/loyalty", { data: { enabled: true }, headers: sameOrigin() })).status()).toBe(200);
  // The customer with the most orders makes the fullest customer page.
  const list = (await (await request.get("/api/customers?limit=50")).json()) as { items: Array<{ id: string; kind: string; stats: { orderCount: number } }> };
  const people = list.items.filter((customer) => customer.kind === "person").sort((a, b) => b.stats.orderCount - a.stats.orderCount);
  expect(people.length).toBeGreaterThan(0);
  return people[0]!.id;
}

/** The demo workspace's newest order with items, for the order page's screenshot. */
async function anOrder(visitor: Visitor): Promise<string> {
  const page = (await (await visitor.context.request.get("/api/orders?limit=20")).json()) as { items: Array<{ id: string }> };
  expect(page.items.length).toBeGreaterThan(0);
  return page.items[0]!.id;
}

describe.each(LANGUAGES)("screenshots in %s", (language) => {
  it("of the sign-in page", async () => {
    const visitor = await newVisitor(browser, { viewport: DESKTOP });
    await visitor.page.goto("/login");
    if (language === "en") await visitor.page.getByRole("button", { name: "زبان: English" }).click();
    await visitor.page.getByRole("heading", { name: language === "fa" ? "ورود" : "Sign in" }).waitFor();
    await shoot(visitor.page, `${language}-login`);
    await visitor.context.close();
  });

  it("of the dashboard, customers, a customer, orders, an order, tasks (list and month), plugin and messaging settings and the loyalty page", async () => {
    const visitor = await newVisitor(browser, { viewport: DESKTOP });
    const customerId = await demoOwner(visitor, language);
    const orderId = await anOrder(visitor);
    const pages: Array<[string, string]> = [
      ["dashboard", "/"],
      ["customers", "/customers"],
      ["customer", `/customers/${customerId}`],
      ["orders", "/orders"],
      ["order", `/orders/${orderId}`],
      ["tasks", "/tasks?view=open"],
      ["tasks-month", "/tasks?view=open&layout=month"],
      ["settings-plugins", "/settings/plugins"],
      ["settings-messaging", "/settings/messaging"],
      ["loyalty", "/plugins/loyalty"],
    ];
    for (const [name, path] of pages) {
      await visitor.page.goto(path);
      await visitor.page.getByRole("heading", { level: 1 }).first().waitFor();
      await shoot(visitor.page, `${language}-${name}`);
    }
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it("of a customer, the filtered customers list, the dashboard, orders and an order on a phone", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE, phone: true });
    const customerId = await demoOwner(visitor, language);
    const orderId = await anOrder(visitor);
    for (const [name, path] of [
      ["phone-customer", `/customers/${customerId}`],
      // Rows first, the filters behind their button, the applied ones as chips.
      ["phone-customers-filtered", "/customers?stage=active&city=%D8%AA%D9%87%D8%B1%D8%A7%D9%86"],
      ["phone-dashboard", "/"],
      ["phone-orders", "/orders"],
      ["phone-order", `/orders/${orderId}`],
    ] as const) {
      await visitor.page.goto(path);
      await visitor.page.getByRole("heading", { level: 1 }).first().waitFor();
      await shoot(visitor.page, `${language}-${name}`);
    }
    await visitor.context.close();
  });

  it("of the SMS composer on a phone, counting a Persian text's parts and cost", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE, phone: true });
    const customerId = await demoOwner(visitor, language);
    const { page } = visitor;
    await page.goto(`/customers/${customerId}`);
    await page.getByRole("button", { name: language === "fa" ? "ارسال پیامک" : "Send SMS" }).click();
    await page.locator("dialog[open] textarea").fill("سلام، سفارش شما امروز ارسال شد و فردا به دستتان می‌رسد. کد رهگیری ۱۲۳۴۵۶ است. از خرید شما سپاسگزاریم!");
    await page.locator("dialog[open] .sms-meter__parts").waitFor();
    // The cost line settles once the preview answers (it asks after typing pauses).
    await eventually("the composer's cost line", () => page.locator("dialog[open] .sms-meter__cost").textContent()).not.toMatch(/Working out|در حال محاسبه/);
    await shoot(page, `${language}-phone-sms-composer`);
    await visitor.context.close();
  });
});
