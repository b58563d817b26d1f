// The club as a whole: enabled and disabled, a shop order through a signed webhook all the way to
// points, a tier, a coupon and its use; who may do what; merges and erasure; one workspace's club
// unseen by another; the UI surfaces.
import { describe, expect, it } from "vitest";
import { countRows, createPluginTestbed, signUp } from "../../worker/plugin-api/testing";
import { UiSurface } from "../../worker/plugin-api";
import { loyaltyPlugin } from "./index";
import { balanceOf, clubBed, ledgerOf, memberOf, newCustomer, paidOrder, type Bed } from "./loyalty.test-support";

async function wooSignature(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)))));
}

let delivery = 0;
async function sendWooOrder(bed: Bed, connectionId: string, secret: string, order: Record<string, unknown>) {
  const body = JSON.stringify(order);
  const response = await bed.client({}).request("POST", `/webhooks/woocommerce/${connectionId}`, body, {
    "content-type": "application/json",
    "x-wc-webhook-topic": "order.updated",
    "x-wc-webhook-delivery-id": `loyalty-${Date.now()}-${delivery++}`,
    "x-wc-webhook-signature": await wooSignature(secret, body),
  });
  expect(response.status, response.text).toBe(202);
  // Processed after the answer: wait until the delivery is done.
  for (let i = 0; i < 200; i++) {
    const list = await bed.owner.get(`/api/connections/${connectionId}/deliveries`);
    if (list.body.items.every((item: { status: string }) => item.status !== "received")) {
      expect(list.body.items.map((item: { status: string }) => item.status)).not.toContain("rejected");
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the shop delivery was not processed");
}

const wooOrder = (status: string, modified: string) => ({
  id: 4750,
  number: "4750",
  status,
  currency: "IRT",
  total: "1245000",
  date_created_gmt: "2026-03-11T16:25:00",
  date_modified_gmt: modified,
  date_paid_gmt: "2026-03-11T16:26:00",
  customer_id: 31,
  billing: { first_name: "سارا", last_name: "محمدی", phone: "۰۹۱۲۳۴۵۶۷۸۹", email: "sara@example.com" },
  line_items: [{ name: "کتاب", sku: "B-1", quantity: 1, price: 1245000, subtotal: "1245000" }],
});

describe("the loyalty club", () => {
  it("works end to end from a shop's webhook: points, tier, coupon, use, refund", async () => {
    const bed = await createPluginTestbed({ plugins: [loyaltyPlugin], enable: [] });
    const enabled = await bed.owner.patch("/api/plugins/loyalty", {
      enabled: true,
      settings: { amountPerPoint: 10_000, signupBonus: 50, firstOrderBonus: 0, tiers: [
        { key: "bronze", name: { en: "Bronze", fa: "برنزی" }, threshold: 0, multiplier: 1 },
        { key: "silver", name: { en: "Silver", fa: "نقره‌ای" }, threshold: 150, multiplier: 1.25, benefits: [{ en: "Free delivery", fa: "ارسال رایگان" }] },
      ] },
    });
    expect(enabled.status, enabled.text).toBe(200);
    const connection = await bed.owner.post("/api/connections", { platform: "woocommerce", name: "Shop", secret: "woo-secret-123456" });
    expect(connection.status, connection.text).toBe(201);

    await sendWooOrder(bed, connection.body.id, "woo-secret-123456", wooOrder("processing", "2026-03-11T16:26:10"));
    await bed.drain();
    const customer = (await bed.owner.get("/api/customers/lookup?identifier=09123456789")).body;
    // 50 for joining, then floor(1,245,000 ÷ 10,000) = 124 for the order: 174 lifts her to silver (150).
    expect(await balanceOf(bed, customer.id)).toBe(174);
    expect((await memberOf(bed, customer.id)).tier.key).toBe("silver");

    const reward = await bed.owner.post("/api/plugins/loyalty/rewards", { name: "Bookmark set", cost: 100, stock: 10 });
    const coupon = await bed.owner.post(`/api/plugins/loyalty/members/${customer.id}/redeem`, { rewardId: reward.body.id });
    expect(coupon.status, coupon.text).toBe(201);
    const key = await bed.owner.post("/api/api-keys", { name: "Till", scopes: ["loyalty:redeem"] });
    const till = bed.client({ authorization: `Bearer ${key.body.key}` });
    expect((await till.get(`/api/plugins/loyalty/coupons/${coupon.body.code}`)).body.status).toBe("active");
    expect((await till.post(`/api/plugins/loyalty/coupons/${coupon.body.code}/use?reference=4750`)).status).toBe(200);
    expect((await till.post(`/api/plugins/loyalty/coupons/${coupon.body.code}/use`)).status).toBe(409);
    expect((await till.get(`/api/plugins/loyalty/members/${customer.id}`)).status).toBe(403);

    // The shop refunds the order: the 124 points are owed back; 74 are there.
    await sendWooOrder(bed, connection.body.id, "woo-secret-123456", wooOrder("refunded", "2026-03-12T10:00:00"));
    await bed.drain();
    expect(await balanceOf(bed, customer.id)).toBe(0);
    expect((await ledgerOf(bed, customer.id))[0]).toMatchObject({ kind: "reverse", points: -74, shortfall: 50 });
  });

  it("while disabled earns nothing and answers 404, and keeps its data for when it is on again", async () => {
    const bed = await clubBed({ signupBonus: 0, firstOrderBonus: 0, amountPerPoint: 1_000 });
    const customerId = await newCustomer(bed);
    await paidOrder(bed, customerId, 10_000);
    await bed.drain();
    expect(await balanceOf(bed, customerId)).toBe(10);

    expect((await bed.owner.patch("/api/plugins/loyalty", { enabled: false })).status).toBe(200);
    await paidOrder(bed, customerId, 50_000);
    await bed.drain();
    for (const path of [`/members/${customerId}`, "/rewards", "/summary", "/ui/page"]) expect((await bed.owner.get(`/api/plugins/loyalty${path}`)).status).toBe(404);
    expect((await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points: 5, reason: "while off" })).status).toBe(404);
    expect(await countRows("loyalty_ledger", "workspace_id = ?", bed.workspaceId)).toBe(1);

    // On again: the rows and the member are as they were (the order paid while off earned nothing).
    expect((await bed.owner.patch("/api/plugins/loyalty", { enabled: true })).status).toBe(200);
    expect(await balanceOf(bed, customerId)).toBe(10);
    expect((await memberOf(bed, customerId)).member).toBe(true);
  });

  it("lets each role do what it should", async () => {
    const bed = await clubBed({ signupBonus: 0 });
    const customerId = await newCustomer(bed);
    const viewer = await bed.member("viewer");
    const agent = await bed.member("agent");
    const manager = await bed.member("manager");
    const adjust = (client: typeof viewer) => client.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points: 100, reason: "goodwill" });
    expect((await viewer.get(`/api/plugins/loyalty/members/${customerId}`)).status).toBe(403);
    expect((await agent.get(`/api/plugins/loyalty/members/${customerId}`)).status).toBe(200);
    expect((await adjust(viewer)).status).toBe(403);
    expect((await adjust(agent)).status).toBe(403);
    expect((await adjust(manager)).status).toBe(201);
    const reward = await manager.post("/api/plugins/loyalty/rewards", { name: "Mug", cost: 10 });
    expect(reward.status).toBe(201);
    expect((await agent.post("/api/plugins/loyalty/rewards", { name: "Mug", cost: 10 })).status).toBe(403);
    expect((await agent.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId: reward.body.id })).status).toBe(201);
    expect((await viewer.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId: reward.body.id })).status).toBe(403);
    // The panel shows the forms only to who may send them.
    const forms = async (client: typeof viewer) =>
      ((await client.get(`/api/plugins/loyalty/ui/customers/${customerId}`)).body.blocks as Array<{ type: string; request?: { path: string } }>).filter((block) => block.type === "form").map((block) => block.request!.path.split("/").at(-1));
    expect((await viewer.get(`/api/plugins/loyalty/ui/customers/${customerId}`)).status).toBe(403);
    expect(await forms(agent)).toEqual(["redeem"]);
    expect(await forms(manager)).toEqual(["redeem", "adjust"]);
  });

  it("follows merges and erasures of customers", async () => {
    const bed = await clubBed({ signupBonus: 0 });
    const survivor = await newCustomer(bed, { firstName: "Sara", lastName: "Ahmadi" });
    const merged = await newCustomer(bed, { firstName: "Sarah", lastName: "Ahmadi" });
    for (const [id, points] of [[survivor, 30], [merged, 70]] as const) await bed.owner.post(`/api/plugins/loyalty/members/${id}/adjust`, { points, reason: "opening" });
    const reward = await bed.owner.post("/api/plugins/loyalty/rewards", { name: "Mug", cost: 20 });
    const coupon = await bed.owner.post(`/api/plugins/loyalty/members/${merged}/redeem`, { rewardId: reward.body.id });
    expect((await bed.owner.post("/api/customers/merge", { survivorId: survivor, mergedId: merged })).status).toBe(200);
    await bed.drain();
    await bed.drain();
    expect(await balanceOf(bed, survivor)).toBe(80);
    expect((await ledgerOf(bed, survivor)).length).toBe(3);
    expect((await bed.owner.get(`/api/plugins/loyalty/coupons/${coupon.body.code}`)).body.customerId).toBe(survivor);
    expect((await bed.owner.get("/api/plugins/loyalty/summary")).body).toMatchObject({ members: 1, outstanding: 80 });

    expect((await bed.owner.delete(`/api/customers/${survivor}`)).status).toBe(204);
    await bed.drain();
    expect((await bed.owner.get(`/api/plugins/loyalty/members/${survivor}`)).status).toBe(404);
    expect((await bed.owner.get(`/api/plugins/loyalty/coupons/${coupon.body.code}`)).body.status).toBe("voided");
    expect(await countRows("loyalty_ledger", "workspace_id = ? and reason is not null", bed.workspaceId)).toBe(0);
    expect(await countRows("loyalty_members", "workspace_id = ? and referral_code is not null", bed.workspaceId)).toBe(0);
    expect((await bed.owner.get("/api/plugins/loyalty/summary")).body).toMatchObject({ outstanding: 0 });
  });

  it("keeps each workspace's club to itself", async () => {
    const bed = await clubBed({ signupBonus: 0 });
    const customerId = await newCustomer(bed);
    await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points: 10, reason: "ours" });
    const reward = await bed.owner.post("/api/plugins/loyalty/rewards", { name: "Ours", cost: 5 });
    const coupon = await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId: reward.body.id });
    const other = await signUp({ worker: bed.worker });
    expect((await other.owner.patch("/api/plugins/loyalty", { enabled: true })).status).toBe(200);
    expect((await other.owner.get(`/api/plugins/loyalty/members/${customerId}`)).status).toBe(404);
    expect((await other.owner.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points: 10, reason: "theirs" })).status).toBe(404);
    expect((await other.owner.post(`/api/plugins/loyalty/coupons/${coupon.body.code}/use`)).status).toBe(404);
    expect((await other.owner.get("/api/plugins/loyalty/rewards")).body.items).toEqual([]);
    expect((await other.owner.get("/api/plugins/loyalty/members")).body.items).toEqual([]);
    expect(await balanceOf(bed, customerId)).toBe(5);
  });

  it("answers its UI surfaces with valid blocks in the caller's language", async () => {
    const bed = await clubBed({ signupBonus: 20 });
    const customerId = await newCustomer(bed);
    await bed.drain();
    await bed.owner.post("/api/plugins/loyalty/rewards", { name: "Mug", cost: 10 });
    for (const path of [`/ui/customers/${customerId}`, "/ui/page", "/ui/card"]) {
      const surface = await bed.owner.withLanguage("fa").get(`/api/plugins/loyalty${path}`);
      expect(surface.status, surface.text).toBe(200);
      expect(UiSurface.safeParse(surface.body).success).toBe(true);
    }
    const panel = await bed.owner.withLanguage("fa").get(`/api/plugins/loyalty/ui/customers/${customerId}`);
    const history = panel.body.blocks.find((block: { type: string; title?: { en: string } }) => block.type === "table" && block.title?.en === "History");
    expect(history.rows).toEqual([expect.objectContaining({ points: 20, detail: "هدیهٔ عضویت" })]);
    const plugins = await bed.owner.get("/api/plugins");
    expect(plugins.body.items[0].ui).toMatchObject({ customerPanel: { source: "/ui/customers/{customerId}" }, page: { source: "/ui/page" }, dashboardCard: { source: "/ui/card" } });
  });
});
