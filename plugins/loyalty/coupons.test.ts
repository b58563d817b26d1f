// Rewards and coupons: a redemption spends points and issues a readable single-use code; a code
// is used exactly once however many tills try at once; redemptions racing never overdraw; a used,
// expired or unknown code says so. Gifts another plugin asks for (a coupon, points) are issued
// once per key, however often asked.
import { z } from "@hono/zod-openapi";
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPluginRouter, definePlugin, PluginActionError, pluginContext, pluginRoute, type Statement } from "../../worker/plugin-api";
import { countRows, createPluginTestbed } from "../../worker/plugin-api/testing";
import { loyaltyPlugin } from "./index";
import { balanceOf, clubBed, ledgerOf, newCustomer, type Bed } from "./loyalty.test-support";

const NO_BONUSES = { signupBonus: 0, firstOrderBonus: 0 };
const DAY = 86_400_000;

async function memberWithPoints(bed: Bed, points: number): Promise<string> {
  const customerId = await newCustomer(bed);
  const adjusted = await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points, reason: "opening balance" });
  expect(adjusted.status, adjusted.text).toBe(201);
  return customerId;
}

async function reward(bed: Bed, fields: Record<string, unknown> = {}): Promise<string> {
  const created = await bed.owner.post("/api/plugins/loyalty/rewards", { name: "Free coffee", cost: 100, ...fields });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

afterEach(() => void vi.useRealTimers());

describe("rewards and coupons", () => {
  it("redeems a reward for a coupon with a readable, unguessable code, and uses it once", async () => {
    const bed = await clubBed(NO_BONUSES);
    const customerId = await memberWithPoints(bed, 250);
    const rewardId = await reward(bed, { stock: 5, couponDays: 10 });
    const coupon = await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId });
    expect(coupon.status, coupon.text).toBe(201);
    expect(coupon.body).toMatchObject({ customerId, rewardId, rewardName: "Free coffee", cost: 100, status: "active" });
    expect(coupon.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await balanceOf(bed, customerId)).toBe(150);
    expect((await bed.owner.get("/api/plugins/loyalty/rewards")).body.items[0]).toMatchObject({ stock: 4, issued: 1 });

    // Typed by a cashier: lower case, spaces, an O for a zero.
    const typed = coupon.body.code.toLowerCase().replaceAll("-", " ").replaceAll("0", "o");
    const used = await bed.owner.post(`/api/plugins/loyalty/coupons/${encodeURIComponent(typed)}/use?reference=INV-1001`);
    expect(used.status, used.text).toBe(200);
    expect(used.body).toMatchObject({ code: coupon.body.code, status: "used", reference: "INV-1001" });

    const again = await bed.owner.withLanguage("fa").post(`/api/plugins/loyalty/coupons/${coupon.body.code}/use`);
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
    expect(again.body).toMatchObject({ code: "rejected_by_plugin", reason: "coupon_used", usedAt: used.body.usedAt });
    expect(again.body.detail).toContain("پیش‌تر استفاده شده");
    expect((await bed.owner.post("/api/plugins/loyalty/coupons/ZZZZ-ZZZZ-ZZZZ/use")).status).toBe(404);
    expect((await bed.owner.post("/api/plugins/loyalty/coupons/not-a-code/use")).status).toBe(404);
  });

  it("lets exactly one of ten concurrent uses of a coupon succeed", async () => {
    const bed = await clubBed(NO_BONUSES);
    const customerId = await memberWithPoints(bed, 100);
    const coupon = await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId: await reward(bed) });
    const till = bed.client({ authorization: await cashierKey(bed) });
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? bed.owner : till).post(`/api/plugins/loyalty/coupons/${coupon.body.code}/use?reference=till-${i}`)));
    const statuses = attempts.map((attempt) => attempt.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(await countRows("events", "workspace_id = ? and name = 'loyalty.coupon_used'", bed.workspaceId)).toBe(1);
  });

  it("never overdraws when redemptions race", async () => {
    const bed = await clubBed(NO_BONUSES);
    const customerId = await memberWithPoints(bed, 350);
    const rewardId = await reward(bed);
    const attempts = await Promise.all(Array.from({ length: 10 }, () => bed.owner.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId })));
    const won = attempts.filter((attempt) => attempt.status === 201);
    expect(won).toHaveLength(3);
    for (const lost of attempts.filter((attempt) => attempt.status !== 201)) {
      expect(lost.status).toBe(409);
      expect(lost.body.reason).toBe("not_enough_points");
    }
    expect(await balanceOf(bed, customerId)).toBe(50);
    expect(await countRows("loyalty_coupons", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId)).toBe(3);
  });

  it("stops at the reward's stock, even when members race for the last one", async () => {
    const bed = await clubBed(NO_BONUSES);
    const rewardId = await reward(bed, { stock: 2 });
    const members = await Promise.all(Array.from({ length: 5 }, () => memberWithPoints(bed, 100)));
    const attempts = await Promise.all(members.map((id) => bed.owner.post(`/api/plugins/loyalty/members/${id}/redeem`, { rewardId })));
    expect(attempts.filter((attempt) => attempt.status === 201)).toHaveLength(2);
    expect(attempts.filter((attempt) => attempt.status === 409).map((attempt) => attempt.body.reason)).toEqual(["out_of_stock", "out_of_stock", "out_of_stock"]);
    const balances = await Promise.all(members.map((id) => balanceOf(bed, id)));
    expect(balances.sort()).toEqual([0, 0, 100, 100, 100]);
  });

  it("refuses an expired coupon with 410 and a paused reward with 409", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-03-01T08:00:00Z"));
    const bed = await clubBed(NO_BONUSES);
    const customerId = await memberWithPoints(bed, 300);
    const rewardId = await reward(bed, { couponDays: 2 });
    const coupon = await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId });
    vi.setSystemTime(Date.parse("2026-03-01T08:00:00Z") + 2 * DAY + 1);
    const late = await bed.owner.post(`/api/plugins/loyalty/coupons/${coupon.body.code}/use`);
    expect(late.status).toBe(410);
    expect(late.body.reason).toBe("coupon_expired");
    expect((await bed.owner.get(`/api/plugins/loyalty/coupons/${coupon.body.code}`)).body.status).toBe("expired");

    expect((await bed.owner.patch(`/api/plugins/loyalty/rewards/${rewardId}`, { active: false })).status).toBe(200);
    const paused = await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId });
    expect(paused.status).toBe(409);
    expect(paused.body).toMatchObject({ reason: "reward_unavailable", errors: [expect.objectContaining({ path: "body.rewardId" })] });
    expect(await balanceOf(bed, customerId)).toBe(200);
  });

  it("refuses to take more points than the balance holds, naming the field", async () => {
    const bed = await clubBed(NO_BONUSES);
    const customerId = await memberWithPoints(bed, 30);
    const refused = await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points: -31, reason: "too much" });
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].path).toBe("body.points");
    const noReason = await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points: -10 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.reason"]);
    expect(await balanceOf(bed, customerId)).toBe(30);
    // The database itself refuses a balance below zero, whatever the code above it does.
    await expect(env.DB.prepare("update loyalty_members set balance = balance - 31 where workspace_id = ? and customer_id = ?").bind(bed.workspaceId, customerId).run()).rejects.toThrow(/CHECK constraint failed/);
    const audit = await bed.owner.get(`/api/audit?customerId=${customerId}`);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: "loyalty.points_adjusted", details: { points: 30, reason: "opening balance", balanceBefore: 0 } })]);
  });
});

/** An API key for a till, scoped to using coupons only. */
async function cashierKey(bed: Bed): Promise<string> {
  const key = await bed.owner.post("/api/api-keys", { name: "Till 1", scopes: ["loyalty:redeem"] });
  expect(key.status, key.text).toBe(201);
  return `Bearer ${key.body.key}`;
}

// A plugin that asks the club through its context and commits the writes it gets back, as a flow step does.
const askRoute = pluginRoute("customers:read", { method: "post", path: "/ask", responses: { 200: { description: "Ok." } } });
const askerPlugin = definePlugin({
  id: "asker",
  name: { en: "Asker", fa: "پرسنده" },
  description: { en: "Asks the club", fa: "از باشگاه می‌خواهد" },
  version: "1.0.0",
  settings: z.object({}),
  routes: createPluginRouter().openapi(askRoute, async (c) => {
    const ctx = pluginContext(c);
    const { action, input } = await c.req.json<{ action: string; input: unknown }>();
    try {
      const done = await ctx.pluginAction("loyalty", action, input);
      if (done.statements.length) await ctx.db.batch(done.statements as [Statement, ...Statement[]]);
      return c.json({ output: done.output, wrote: done.statements.length > 0 }, 200);
    } catch (error) {
      if (error instanceof PluginActionError) return c.json({ refused: error.code, ...error.detail }, 200);
      throw error;
    }
  }),
});

describe("gifts for other plugins", () => {
  it("issues a gift coupon and gift points once per key, however often another plugin asks, and checks what it is asked", async () => {
    const bed = await createPluginTestbed({ plugins: [loyaltyPlugin, askerPlugin], settings: { loyalty: NO_BONUSES } });
    const customerId = await newCustomer(bed);
    await bed.drain();
    const ask = (action: string, input: Record<string, unknown>) => bed.owner.post("/api/plugins/asker/ask", { action, input }).then((answer) => answer.body);

    const first = await ask("issue-coupon", { customerId, percent: 20, expiresInDays: 10, key: "flow-1" });
    expect(first).toMatchObject({ wrote: true, output: { code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) } });
    const again = await ask("issue-coupon", { customerId, percent: 20, expiresInDays: 10, key: "flow-1" });
    expect(again).toEqual({ wrote: false, output: first.output });
    const listed = (await bed.owner.get(`/api/plugins/loyalty/coupons?customerId=${customerId}`)).body.items;
    expect(listed).toEqual([expect.objectContaining({ code: first.output.code, rewardId: null, cost: 0, discount: { percent: 20 }, rewardName: "Gift: 20% off", status: "active" })]);
    expect(await balanceOf(bed, customerId)).toBe(0);

    expect(await ask("award-points", { customerId, points: 40, reason: "Birthday", key: "flow-2" })).toEqual({ wrote: true, output: { points: 40, balance: 40 } });
    expect(await ask("award-points", { customerId, points: 40, reason: "Birthday", key: "flow-2" })).toMatchObject({ wrote: false, output: { points: 0 } });
    expect(await balanceOf(bed, customerId)).toBe(40);
    expect((await ledgerOf(bed, customerId)).map((entry) => [entry.rule, entry.points, entry.reason])).toEqual([["gift", 40, "Birthday"]]);

    // The club's schemas decide what it takes: one of percent and amount; an unknown customer is refused.
    expect(await ask("issue-coupon", { customerId, percent: 20, amount: 5000, expiresInDays: 10, key: "flow-3" })).toMatchObject({ refused: "invalid_input", issues: [{ path: "percent", message: "percent_or_amount" }] });
    expect(await ask("award-points", { customerId: "cus_nobody", points: 5, reason: "x", key: "flow-4" })).toMatchObject({ refused: "refused", reason: "customer_not_found" });
    expect(await countRows("loyalty_coupons", "workspace_id = ?", bed.workspaceId)).toBe(1);
  });
});
