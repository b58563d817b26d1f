// Existing buyers and the club: turning it on credits nothing for orders paid before; the owner
// previews (orders, buyers, new members, points, liability), then credits each past paid order once,
// in chunks, audited; running it again, or an order paid later, never credits one twice.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createPluginTestbed } from "../../worker/plugin-api/testing";
import { loyaltyPlugin } from "./index";
import { balanceOf, newCustomer, paidOrder, type Bed } from "./loyalty.test-support";
import { PAST_ORDERS_PER_CHUNK } from "./past-orders";

let bed: Bed;
const buyers: string[] = [];
const totals = [250_000, 1_000_000, 99_999, 500_000, 700_000, 120_000, 3_000_000];

async function creditAll(): Promise<Array<Record<string, any>>> {
  const chunks: Array<Record<string, any>> = [];
  let after: string | null = null;
  do {
    const response: { status: number; body: any; text: string } = await bed.owner.post("/api/plugins/loyalty/past-orders/credit", { after });
    expect(response.status, response.text).toBe(200);
    chunks.push(response.body);
    after = response.body.next;
  } while (after);
  return chunks;
}

beforeAll(async () => {
  // A workspace with history, the club off.
  bed = await createPluginTestbed({ plugins: [loyaltyPlugin], enable: [] });
  for (let i = 0; i < 3; i++) buyers.push(await newCustomer(bed));
  for (const [i, total] of totals.entries()) await paidOrder(bed, buyers[i % 3]!, total);
  await bed.owner.post("/api/orders", { customerId: buyers[0], total: 900_000, status: "pending" });
  // Their events were handled long ago, while the club was off.
  await bed.drain();
  const enabled = await bed.owner.patch("/api/plugins/loyalty", { enabled: true, settings: { amountPerPoint: 100_000, pointValue: 1_000, signupBonus: 0, firstOrderBonus: 0 } });
  expect(enabled.status, enabled.text).toBe(200);
});

describe("crediting existing buyers", () => {
  it("changes nothing for past orders when the club is turned on", async () => {
    for (const customerId of buyers) expect((await bed.owner.get(`/api/plugins/loyalty/members/${customerId}`)).body.balance ?? 0).toBe(0);
  });

  it("says on the club's page that past orders earned nothing, and offers to credit them in chunks with progress (managers only)", async () => {
    const blocks = (await bed.owner.get("/api/plugins/loyalty/ui/page")).body.blocks as Array<Record<string, any>>;
    const note = blocks.find((block) => block.type === "text" && block.tone === "warning");
    expect(note?.text.en).toMatch(/^Enabling the club changed nothing for past orders: 7 paid orders of 3 buyers/);
    expect(note?.text.fa).toMatch(/^فعال کردن باشگاه برای سفارش‌های گذشته کاری نکرد/);
    const offer = blocks.find((block) => block.type === "actions")?.items.find((item: Record<string, any>) => item.request.path === "/past-orders/credit");
    expect(offer).toMatchObject({ request: { method: "POST" }, repeat: { cursor: "next", as: "after", count: "looked", total: 7 } });
    const agent = await bed.member("agent");
    const agentPage = await agent.get("/api/plugins/loyalty/ui/page");
    if (agentPage.status === 200) expect(JSON.stringify(agentPage.body)).not.toContain("/past-orders/credit");
  });

  it("previews the members, points and liability, then credits each past paid order once, in chunks, audited", async () => {
    const expectedPoints = totals.reduce((sum, total) => sum + Math.floor(total / 100_000), 0);
    const preview = await bed.owner.get("/api/plugins/loyalty/past-orders/preview");
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ orders: totals.length, buyers: 3, newMembers: 3, points: expectedPoints, liability: expectedPoints * 1_000, currency: "IRT" });

    const chunks = await creditAll();
    expect(chunks.length).toBe(Math.ceil(totals.length / PAST_ORDERS_PER_CHUNK));
    expect(chunks.reduce((sum, chunk) => sum + chunk.credited, 0)).toBe(totals.filter((total) => total >= 100_000).length);
    expect(chunks.reduce((sum, chunk) => sum + chunk.points, 0)).toBe(expectedPoints);
    expect(chunks.reduce((sum, chunk) => sum + chunk.enrolled, 0)).toBe(3);
    for (const [b, customerId] of buyers.entries()) {
      const own = totals.filter((_, i) => i % 3 === b).reduce((sum, total) => sum + Math.floor(total / 100_000), 0);
      expect(await balanceOf(bed, customerId)).toBe(own);
    }
    const audit = await env.DB.prepare("select count(*) as n from audit_log where workspace_id = ? and action = 'loyalty.past_orders_credited'").bind(bed.workspaceId).first<number>("n");
    expect(audit).toBe(chunks.filter((chunk) => chunk.credited > 0).length);
    expect((await bed.owner.get("/api/plugins/loyalty/past-orders/preview")).body).toMatchObject({ orders: 1, points: 0 });
    // Once credited, the page offers it no more.
    expect(JSON.stringify((await bed.owner.get("/api/plugins/loyalty/ui/page")).body)).not.toContain("/past-orders/credit");
  });

  it("credits nothing again when run again, and an order paid now earns live, once", async () => {
    const before = await Promise.all(buyers.map((customerId) => balanceOf(bed, customerId)));
    const again = await creditAll();
    expect(again.reduce((sum, chunk) => sum + chunk.credited, 0)).toBe(0);
    expect(await Promise.all(buyers.map((customerId) => balanceOf(bed, customerId)))).toEqual(before);
    await paidOrder(bed, buyers[1]!, 400_000);
    // Delivers the new order's events, and (as a redelivery would) the old orders' again: those
    // were credited already, under the same key, so they earn nothing more.
    await bed.drain();
    await creditAll();
    expect(await balanceOf(bed, buyers[1]!)).toBe(before[1]! + 4);
  });

  it("is the owner's and manager's to run, not an agent's", async () => {
    const agent = await bed.member("agent");
    expect((await agent.get("/api/plugins/loyalty/past-orders/preview")).status).toBe(403);
    expect((await agent.post("/api/plugins/loyalty/past-orders/credit", {})).status).toBe(403);
  });
});
