// Redeeming a reward and using its coupon. A redemption is one batch: the `redeem` entry and the
// balance (whose CHECK refuses an overdraw, however many redemptions race), the reward's stock
// (whose CHECK refuses a negative), the coupon and its event. A use is one conditional update
// (`used_at is null`, not voided, not expired) guarded in the same batch by the use's own id, so
// of any number of concurrent uses exactly one commits, with its event.
import type { LoyaltyEvents } from "./events";
import { and, desc, eq, gt, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { isConstraintError, newId, pluginRefusal, type PluginContext, type Statement } from "../../worker/plugin-api";
import type { CouponSchema } from "./api-schemas";
import { newCouponCode } from "./codes";
import { appendStatements, entryRow, isOverdraw, stillTrue } from "./ledger";
import { ensureMember, findMember } from "./members";
import { findReward, rewardState, type RewardRow } from "./rewards";
import { loyaltyCoupons, loyaltyRewards } from "./schema";
import { DAY_MS, type LoyaltySettings } from "./settings";
import { dateIn, PLUGIN_NAME, refusals } from "./texts";

export type CouponRow = typeof loyaltyCoupons.$inferSelect;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function couponStatus(row: CouponRow, at: number): z.infer<typeof CouponSchema>["status"] {
  if (row.usedAt !== null) return "used";
  if (row.voidedAt !== null) return "voided";
  return row.expiresAt <= at ? "expired" : "active";
}

export function presentCoupon(row: CouponRow, at: number): z.infer<typeof CouponSchema> {
  return {
    id: row.id,
    code: row.code,
    customerId: row.customerId,
    rewardId: row.rewardId || null,
    rewardName: row.rewardName,
    cost: row.cost,
    discount: row.discountPercent !== null ? { percent: row.discountPercent } : row.discountAmount !== null ? { amount: row.discountAmount } : null,
    status: couponStatus(row, at),
    expiresAt: iso(row.expiresAt)!,
    usedAt: iso(row.usedAt),
    usedByUserId: row.usedByUserId,
    usedByApiKeyId: row.usedByApiKeyId,
    reference: row.useReference,
    createdAt: iso(row.createdAt)!,
  };
}

export const couponQuery = (ctx: PluginContext<unknown>, code: string) =>
  ctx.db
    .select()
    .from(loyaltyCoupons)
    .where(and(eq(loyaltyCoupons.workspaceId, ctx.workspaceId), eq(loyaltyCoupons.code, code)));

/** A new coupon's fields about its use: none yet. */
export const UNUSED_COUPON = { usedAt: null, useId: null, usedByUserId: null, usedByApiKeyId: null, useReference: null, voidedAt: null } as const;

export async function findCoupon(ctx: PluginContext<unknown>, code: string): Promise<CouponRow | null> {
  return (await couponQuery(ctx, code).get()) ?? null;
}

export function listCoupons(ctx: PluginContext<unknown>, filter: { customerId?: string; status?: string }, before: string | null, limit: number, at: number) {
  const byStatus: Record<string, SQL | undefined> = {
    active: and(isNull(loyaltyCoupons.usedAt), isNull(loyaltyCoupons.voidedAt), gt(loyaltyCoupons.expiresAt, at)),
    used: sql`${loyaltyCoupons.usedAt} is not null`,
    voided: and(isNull(loyaltyCoupons.usedAt), sql`${loyaltyCoupons.voidedAt} is not null`),
    expired: and(isNull(loyaltyCoupons.usedAt), isNull(loyaltyCoupons.voidedAt), lte(loyaltyCoupons.expiresAt, at)),
  };
  return ctx.db
    .select()
    .from(loyaltyCoupons)
    .where(
      and(
        eq(loyaltyCoupons.workspaceId, ctx.workspaceId),
        filter.customerId ? eq(loyaltyCoupons.customerId, filter.customerId) : undefined,
        filter.status ? byStatus[filter.status] : undefined,
        before ? lt(loyaltyCoupons.id, before) : undefined,
      ),
    )
    .orderBy(desc(loyaltyCoupons.id))
    .limit(limit + 1);
}

function refuseReward(reward: RewardRow, at: number): never {
  const state = rewardState(reward, at);
  if (state === "out_of_stock") throw pluginRefusal(409, PLUGIN_NAME, refusals.outOfStock, { field: "rewardId", reason: "out_of_stock" });
  throw pluginRefusal(409, PLUGIN_NAME, refusals.rewardUnavailable, { field: "rewardId", reason: "reward_unavailable" });
}

/**
 * Spends the reward's cost from the member's points and issues a coupon. `alongside` (an audit
 * row) commits with it. Refusals: 409 not enough points, out of stock, not available.
 */
export async function redeem(
  ctx: PluginContext<LoyaltySettings, LoyaltyEvents>,
  customerId: string,
  rewardId: string,
  actor: { userId: string | null },
  alongside: (coupon: CouponRow) => Statement[],
): Promise<CouponRow> {
  for (let attempt = 0; ; attempt++) {
    const at = ctx.now();
    const reward = await findReward(ctx, rewardId);
    if (!reward) throw pluginRefusal(409, PLUGIN_NAME, refusals.rewardUnavailable, { field: "rewardId", reason: "reward_unavailable" });
    if (rewardState(reward, at) !== "available") refuseReward(reward, at);
    const member = await ensureMember(ctx, customerId);
    if (member.erasedAt !== null) throw pluginRefusal(409, PLUGIN_NAME, refusals.memberErased, { reason: "member_erased" });
    if (member.balance < reward.cost) throw pluginRefusal(409, PLUGIN_NAME, refusals.notEnoughPoints(member.balance, reward.cost), { field: "rewardId", reason: "not_enough_points", extensions: { balance: member.balance, cost: reward.cost } });

    const couponId = newId("lcp", at);
    const entry = entryRow(ctx, { customerId, kind: "redeem", rule: "reward", points: -reward.cost, sourceKind: "staff", sourceId: actor.userId, reason: reward.name, couponId, actorUserId: actor.userId, at });
    const coupon: CouponRow = {
      id: couponId,
      workspaceId: ctx.workspaceId,
      code: newCouponCode(),
      customerId,
      rewardId: reward.id,
      rewardName: reward.name,
      cost: reward.cost,
      ledgerEntryId: entry.id,
      discountPercent: null,
      discountAmount: null,
      issueKey: null,
      expiresAt: at + reward.couponDays * DAY_MS,
      ...UNUSED_COUPON,
      createdAt: at,
    };
    const ofReward = and(eq(loyaltyRewards.workspaceId, ctx.workspaceId), eq(loyaltyRewards.id, reward.id));
    try {
      await ctx.db.batch([
        // The reward as read is what is sold: a change of its cost or state meanwhile fails the batch.
        stillTrue(ctx, sql`exists (select 1 from ${loyaltyRewards} where ${ofReward} and ${loyaltyRewards.cost} = ${reward.cost} and ${loyaltyRewards.active} = 1)`, "reward"),
        ...appendStatements(ctx, entry),
        ctx.db
          .update(loyaltyRewards)
          .set({ issued: sql`${loyaltyRewards.issued} + 1`, stock: sql`case when ${loyaltyRewards.stock} is null then null else ${loyaltyRewards.stock} - 1 end`, updatedAt: at })
          .where(ofReward),
        ctx.db.insert(loyaltyCoupons).values(coupon),
        ctx.event("loyalty.coupon_issued", { customerId, couponId, rewardId: reward.id, cost: reward.cost, expiresAt: iso(coupon.expiresAt)! }),
        ...alongside(coupon),
      ]);
      return coupon;
    } catch (error) {
      // Another redemption got there first: explain with what is there now.
      if (isOverdraw(error) || isConstraintError(error, "loyalty_rewards_stock_non_negative")) {
        const [now, left] = await Promise.all([findMember(ctx, customerId), findReward(ctx, rewardId)]);
        if (left && rewardState(left, at) !== "available") refuseReward(left, at);
        throw pluginRefusal(409, PLUGIN_NAME, refusals.notEnoughPoints(now?.balance ?? 0, reward.cost), { field: "rewardId", reason: "not_enough_points", extensions: { balance: now?.balance ?? 0, cost: reward.cost } });
      }
      if (attempt >= 2) throw error;
    }
  }
}

/** Consumes the coupon exactly once. Refusals: 409 used, 410 expired or voided; null for an unknown code. */
export async function useCoupon(
  ctx: PluginContext<unknown, LoyaltyEvents>,
  code: string,
  by: { userId: string | null; apiKeyId: string | null; reference: string | null },
): Promise<CouponRow | null> {
  const coupon = await findCoupon(ctx, code);
  if (!coupon) return null;
  const at = ctx.now();
  const useId = newId("lcu", at);
  const mine = and(eq(loyaltyCoupons.workspaceId, ctx.workspaceId), eq(loyaltyCoupons.id, coupon.id));
  try {
    await ctx.db.batch([
      ctx.db
        .update(loyaltyCoupons)
        .set({ usedAt: at, useId, usedByUserId: by.userId, usedByApiKeyId: by.apiKeyId, useReference: by.reference })
        .where(and(mine, isNull(loyaltyCoupons.usedAt), isNull(loyaltyCoupons.voidedAt), gt(loyaltyCoupons.expiresAt, at))),
      // Only the use that took the coupon gets past this line; any other rolls back, event and all.
      stillTrue(ctx, sql`exists (select 1 from ${loyaltyCoupons} where ${mine} and ${loyaltyCoupons.useId} = ${useId})`, "coupon"),
      ctx.event("loyalty.coupon_used", { customerId: coupon.customerId, couponId: coupon.id, rewardId: coupon.rewardId || null, reference: by.reference }),
    ]);
    return (await findCoupon(ctx, code))!;
  } catch (error) {
    const now = await findCoupon(ctx, code);
    if (!now) throw error;
    const when = (ms: number) => ({ en: dateIn(ms, "en", ctx.timeZone), fa: dateIn(ms, "fa", ctx.timeZone) });
    if (now.usedAt !== null) {
      throw pluginRefusal(409, PLUGIN_NAME, refusals.couponUsed(when(now.usedAt)), { reason: "coupon_used", extensions: { usedAt: iso(now.usedAt), reference: now.useReference } });
    }
    if (now.voidedAt !== null) throw pluginRefusal(410, PLUGIN_NAME, refusals.couponVoided, { reason: "coupon_voided" });
    if (now.expiresAt <= at) throw pluginRefusal(410, PLUGIN_NAME, refusals.couponExpired(when(now.expiresAt)), { reason: "coupon_expired", extensions: { expiresAt: iso(now.expiresAt) } });
    throw error;
  }
}

