// Marketing automation end to end, as a shop runs it: a WooCommerce shop's signed webhooks bring
// the customers and their orders; the win-back and welcome templates, switched on from the
// gallery, and a campaign to a saved segment each send an SMS that the outbox records and that a
// delivery report marks delivered; the flow's and the campaign's reports say so. In Persian (the
// shop's customers) and with the workspace's English texts for a customer who chose English.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { plugins } from "../../plugins/registry";
import { connect, sendWoo } from "../../worker/core/webhooks-in/fixtures/deliver";
import { wooCustomer, wooOrder } from "../../worker/core/webhooks-in/fixtures/woocommerce";
import { createPluginTestbed } from "../../worker/plugin-api/testing";

const AUTOMATION = "/api/plugins/automation";
const SHOP_SECRET = "wc-secret-end-to-end-۱۲۳";
const DAY = 86_400_000;

type Bed = Awaited<ReturnType<typeof createPluginTestbed>>;

/** Waits until the shop's deliveries are processed (processing runs after the webhook's answer). */
async function processed(bed: Bed): Promise<void> {
  for (const until = Date.now() + 30_000; ; ) {
    const row = await env.DB.prepare("select count(*) as n from webhook_deliveries where workspace_id = ? and status = 'received'").bind(bed.workspaceId).first<{ n: number }>();
    if (row!.n === 0) return;
    if (Date.now() > until) throw new Error("the shop's deliveries were not processed");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function shopSends(bed: Bed, topic: string, payload: unknown) {
  const shop = await connect(bed.owner, "woocommerce", SHOP_SECRET);
  const answer = await sendWoo(shop.id, SHOP_SECRET, topic, payload, { worker: bed.owner.worker });
  expect(answer.status, answer.text).toBe(202);
  await processed(bed);
  await bed.drain();
}

async function customerByMobile(bed: Bed, mobile: string): Promise<string> {
  const found = await bed.owner.get(`/api/customers/lookup?identifier=${encodeURIComponent(mobile)}`);
  expect(found.status, found.text).toBe(200);
  return found.body.id;
}

/** The shop's customers agreed to marketing SMS at checkout: the owner records it. */
async function grantSms(bed: Bed, customerId: string): Promise<void> {
  const granted = await bed.owner.patch(`/api/customers/${customerId}`, { consent: { sms: "granted" } });
  expect(granted.status, granted.text).toBe(200);
}

/** The automation's messages to a customer, as the outbox recorded them. */
const messagesTo = async (bed: Bed, customerId: string) =>
  (await env.DB.prepare("select id, body, status from messages where workspace_id = ? and customer_id = ? and sent_by_plugin = 'automation' order by created_at, id").bind(bed.workspaceId, customerId).all<{ id: string; body: string; status: string }>()).results;

/** The SMS provider reports the message delivered (the outbox's simulated report, as a gateway's callback would). */
async function deliveredReport(bed: Bed, messageId: string): Promise<void> {
  const report = await bed.owner.post(`/api/messages/${messageId}/simulated-report`, { status: "delivered" });
  expect(report.status, report.text).toBe(200);
  await bed.drain();
}

/** An Iranian shop: Persian is the workspace's language (a customer may choose English). */
async function persianShop(bed: Bed): Promise<void> {
  const saved = await bed.owner.patch("/api/settings", { locale: "fa" });
  expect(saved.status, saved.text).toBe(200);
}

async function fromTemplate(bed: Bed, template: string): Promise<string> {
  const created = await bed.owner.post(`${AUTOMATION}/flows/from-template`, { template });
  expect(created.status, created.text).toBe(201);
  expect((await bed.owner.post(`${AUTOMATION}/flows/${created.body.id}/publish`, {})).status).toBe(200);
  return created.body.id;
}

describe("from a shop's webhook to a delivered SMS", () => {
  it("win-back: the buyer of an old WooCommerce order lapses on the daily run and gets one SMS with their own coupon, reported delivered", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation", "loyalty"] });
    await persianShop(bed);
    const flowId = await fromTemplate(bed, "win-back");
    // An order of March 2025: long enough ago that its buyer lapses (180 days by default).
    await shopSends(bed, "order.created", wooOrder());
    const customerId = await customerByMobile(bed, "09123456789");
    await grantSms(bed, customerId);
    await bed.drain();
    expect(await messagesTo(bed, customerId)).toEqual([]);

    // The next daily run ages the stages: lapsed, so the flow starts (the event delivered once or again).
    await bed.tick(new Date(Date.now() + DAY));
    await bed.drain();
    const [sms, ...more] = await messagesTo(bed, customerId);
    expect(more).toEqual([]);
    expect(sms!.status).toBe("recorded");
    const [coupon] = (await bed.owner.get(`/api/plugins/loyalty/coupons?customerId=${customerId}`)).body.items;
    expect(sms!.body).toContain(coupon.code);
    expect(sms!.body).toMatch(/^سارا عزیز/);

    await deliveredReport(bed, sms!.id);
    expect((await env.DB.prepare("select status from messages where id = ?").bind(sms!.id).first<{ status: string }>())!.status).toBe("delivered");
    const report = (await bed.owner.get(`${AUTOMATION}/flows/${flowId}`)).body.report;
    expect(report).toMatchObject({ entered: 1 });
    expect(report.steps.slice(0, 2)).toMatchObject([
      { step: 0, outcomes: { coupon_issued: 1 } },
      { step: 1, outcomes: { sent: 1 } },
    ]);
    expect(report.messages).toEqual({ sent: 1, deferred: 0, delivered: 1, clicked: 0 });
    expect(report.steps[1]).toMatchObject({ delivered: 1 });
  });

  it("welcome: a customer the shop creates gets the welcome SMS at 10:00 local time, reported delivered", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation"] });
    await persianShop(bed);
    const flowId = await fromTemplate(bed, "welcome");
    await shopSends(bed, "customer.created", wooCustomer({ id: 77, email: "sam@example.com", first_name: "Sam", last_name: "Rahimi", billing: { first_name: "Sam", last_name: "Rahimi", phone: "09121234567", country: "IR" } }));
    const customerId = await customerByMobile(bed, "09121234567");
    await grantSms(bed, customerId);
    // Sam chose English: the workspace's English text is his.
    expect((await bed.owner.patch(`/api/customers/${customerId}`, { attributes: { locale: "en" } })).status).toBe(200);
    const waiting = await env.DB.prepare("select wake_at from automation_enrollments where workspace_id = ? and customer_id = ?").bind(bed.workspaceId, customerId).first<{ wake_at: number }>();
    expect(new Date(waiting!.wake_at).toISOString().slice(11, 16)).toBe("06:30"); // 10:00 in Tehran
    await bed.tick(new Date(waiting!.wake_at + 60_000));
    const [sms] = await messagesTo(bed, customerId);
    expect(sms!.body).toMatch(/^Welcome, Sam!/);
    await deliveredReport(bed, sms!.id);
    const report = (await bed.owner.get(`${AUTOMATION}/flows/${flowId}`)).body.report;
    expect(report.steps[1]).toEqual({ step: 1, outcomes: { sent: 1 }, delivered: 1, clicked: 0 });
    expect(report.messages).toMatchObject({ sent: 1, delivered: 1 });
  });

  it("a campaign to a saved segment of the shop's customers: each gets one SMS, and the report counts the delivered", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation"] });
    const mobiles = ["09121110101", "09121110102", "09121110103"];
    for (const [n, phone] of mobiles.entries()) {
      await shopSends(bed, "customer.created", wooCustomer({ id: 100 + n, email: `buyer${n}@example.com`, first_name: `خریدار ${n}`, billing: { first_name: `خریدار ${n}`, phone, country: "IR" } }));
    }
    const ids = [];
    for (const phone of mobiles) ids.push(await customerByMobile(bed, phone));
    for (const id of ids.slice(0, 2)) {
      await grantSms(bed, id);
      expect((await bed.owner.patch(`/api/customers/${id}`, { tags: ["vip"] })).status).toBe(200);
    }
    const segment = await bed.owner.post("/api/segments", { name: "VIP", filter: { tags: { any: ["vip"] } } });
    expect(segment.status, segment.text).toBe(201);
    const campaign = await bed.owner.post(`${AUTOMATION}/campaigns`, { name: "Yalda", segmentId: segment.body.id, channel: "sms", body: { fa: "{firstName} عزیز، شب یلدا مبارک!", en: "Happy Yalda, {firstName}!" } });
    expect(campaign.status, campaign.text).toBe(201);
    expect((await bed.owner.post(`${AUTOMATION}/campaigns/${campaign.body.id}/send`, {})).status).toBeLessThan(300);
    await bed.runJobs();
    const sent = [];
    for (const id of ids) sent.push(await messagesTo(bed, id));
    expect(sent.map((messages) => messages.length)).toEqual([1, 1, 0]);
    for (const [message] of sent.slice(0, 2)) await deliveredReport(bed, message!.id);
    const report = (await bed.owner.get(`${AUTOMATION}/campaigns/${campaign.body.id}`)).body.report;
    expect(report).toMatchObject({ targeted: 2, delivered: 2 });
    expect(report.sent + report.deferred).toBe(2);
  });
});
