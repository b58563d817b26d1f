// Orders a shop owner can open, in Persian and in English: a WooCommerce and a Shopify order
// arrive through their signed webhooks, the Orders page lists them, and each order's page shows
// its items and the postal tracking code the shop sent; printing leaves the navigation out.
import { createHmac } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { shopifyOrder } from "../../worker/core/webhooks-in/fixtures/shopify";
import { wooOrder } from "../../worker/core/webhooks-in/fixtures/woocommerce";
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

const SECRET = "a-shop-secret-for-the-browser-test";
const sign = (body: string) => createHmac("sha256", SECRET).update(body).digest("base64");
const shown = (language: Language, text: string) => (language === "fa" ? text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!) : text);

async function connect({ context }: Visitor, platform: "woocommerce" | "shopify"): Promise<string> {
  const response = await context.request.post("/api/connections", { data: { platform, name: `${platform} shop`, secret: SECRET }, headers: sameOrigin() });
  if (response.status() !== 201) throw new Error(`connect: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function deliver(visitor: Visitor, platform: "woocommerce" | "shopify", connectionId: string, topic: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> =
    platform === "woocommerce"
      ? { "content-type": "application/json", "x-wc-webhook-topic": topic, "x-wc-webhook-delivery-id": `d-${Date.now()}-${Math.random()}`, "x-wc-webhook-signature": sign(body) }
      : { "content-type": "application/json", "x-shopify-topic": topic, "x-shopify-webhook-id": `d-${Date.now()}-${Math.random()}`, "x-shopify-hmac-sha256": sign(body) };
  const response = await visitor.context.request.post(`/webhooks/${platform}/${connectionId}`, { data: body, headers });
  if (response.status() !== 202) throw new Error(`${platform} delivery: ${response.status()} ${await response.text()}`);
}

/** Each delivery's status, with the reason when it is not `processed` (the API's delivery list). */
async function deliveryStatuses({ context }: Visitor, connectionId: string): Promise<string[]> {
  const response = await context.request.get(`/api/connections/${connectionId}/deliveries`);
  if (!response.ok()) return [`list: ${response.status()}`];
  const { items } = (await response.json()) as { items: Array<{ status: string; reason: string | null }> };
  return items.map(({ status, reason }) => (status === "processed" ? status : `${status}: ${reason ?? "(no reason yet)"}`));
}

describe.each(LANGUAGES)("orders in %s", (language) => {
  const w = words[language];

  it("opens a WooCommerce and a Shopify order from the Orders page, with items and tracking code, and prints without navigation", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, language);
    const woo = await connect(visitor, "woocommerce");
    const shopify = await connect(visitor, "shopify");
    await deliver(
      visitor,
      "woocommerce",
      woo,
      "order.created",
      wooOrder({
        id: 4811,
        number: "4811",
        meta_data: [{ id: 7, key: "_wc_shipment_tracking_items", value: [{ tracking_provider: "iran-post", tracking_number: "152300012345678901234" }] }],
      }),
    );
    // The shop's deliveries are processed after they are answered: wait for that through the API
    // (one after the other, as two shops' orders usually come), so a failure here says whether
    // processing or the page is at fault.
    await eventually("the WooCommerce delivery processed", () => deliveryStatuses(visitor, woo)).toEqual(["processed"]);
    await deliver(
      visitor,
      "shopify",
      shopify,
      "orders/create",
      shopifyOrder({ id: 5748362469999, name: "#1077", fulfillments: [{ id: 2, status: "success", tracking_company: "Iran Post", tracking_number: "IR987654321" }] }),
    );

    await eventually("the Shopify delivery processed", () => deliveryStatuses(visitor, shopify)).toEqual(["processed"]);

    await page.goto("/");
    await page.getByRole("navigation", { name: w.navigation }).getByRole("link", { name: w.orders, exact: true }).click();
    const cases = [
      { number: "4811", item: "کتاب شازده کوچولو", tracking: "152300012345678901234" },
      { number: "#1077", item: "IPod Nano - 8GB - Pink", tracking: "IR987654321" },
    ];
    for (const order of cases) {
      // The list may have been read before the order was processed: reload until it is there.
      const link = page.getByRole("main").getByRole("link", { name: shown(language, order.number), exact: true });
      await reloadUntilShown(page, link, `order ${order.number} in the list`);
      await eventually(`order ${order.number} listed once`, () => link.count()).toBe(1);
      await link.click();
      await page.getByRole("heading", { level: 1, name: new RegExp(shown(language, order.number).replace(/[#]/g, "\\$&")) }).waitFor();
      await page.getByRole("region", { name: w.items }).getByText(order.item).waitFor();
      await page.getByRole("region", { name: language === "fa" ? "ارسال" : "Shipment" }).getByText(shown(language, order.tracking)).waitFor();

      // Printed, the page is its content alone.
      const navigation = page.getByRole("navigation", { name: w.navigation });
      await page.emulateMedia({ media: "print" });
      await navigation.waitFor({ state: "hidden" });
      await page.emulateMedia({ media: "screen" });
      await navigation.waitFor();
      // Back to the list through the navigation, which reads it afresh.
      await navigation.getByRole("link", { name: w.orders, exact: true }).click();
    }
    await eventually("uncaught errors and CSP violations", () => visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
