// The reward catalogue: what members can spend points on, at what cost, how many are left, and
// from when until when. A redemption issues a coupon (coupons.ts).
import { and, desc, eq, lt } from "drizzle-orm";
import { addDays, localMidnight, newId, type PluginContext, type Statement } from "../../worker/plugin-api";
import type { z } from "@hono/zod-openapi";
import type { RewardCreateInput, RewardSchema, RewardUpdateInput } from "./api-schemas";
import { loyaltyRewards } from "./schema";

export type RewardRow = typeof loyaltyRewards.$inferSelect;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentReward(row: RewardRow): z.infer<typeof RewardSchema> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    cost: row.cost,
    stock: row.stock,
    couponDays: row.couponDays,
    availableFrom: iso(row.availableFrom),
    availableUntil: iso(row.availableUntil),
    active: row.active,
    issued: row.issued,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

export async function findReward(ctx: PluginContext<unknown>, rewardId: string): Promise<RewardRow | null> {
  const row = await ctx.db
    .select()
    .from(loyaltyRewards)
    .where(and(eq(loyaltyRewards.workspaceId, ctx.workspaceId), eq(loyaltyRewards.id, rewardId)))
    .get();
  return row ?? null;
}

export function listRewards(ctx: PluginContext<unknown>, before: string | null, limit: number) {
  return ctx.db
    .select()
    .from(loyaltyRewards)
    .where(and(eq(loyaltyRewards.workspaceId, ctx.workspaceId), before ? lt(loyaltyRewards.id, before) : undefined))
    .orderBy(desc(loyaltyRewards.id))
    .limit(limit + 1);
}

/** Can it be redeemed at `at`? (active, within its dates, in stock) */
export function rewardState(reward: RewardRow, at: number): "available" | "unavailable" | "out_of_stock" {
  if (!reward.active || (reward.availableFrom !== null && at < reward.availableFrom) || (reward.availableUntil !== null && at >= reward.availableUntil)) return "unavailable";
  if (reward.stock !== null && reward.stock <= 0) return "out_of_stock";
  return "available";
}

/** A local date as the instant it starts; an "until" date as the instant the day after starts. */
const startOf = (date: string | null | undefined, timeZone: string) => (date ? localMidnight(date, timeZone) : null);
const endOf = (date: string | null | undefined, timeZone: string) => (date ? localMidnight(addDays(date, 1), timeZone) : null);

/** Creates a reward; `audit` commits with it. */
export async function createReward(ctx: PluginContext<unknown>, input: z.infer<typeof RewardCreateInput>, audit: (row: RewardRow) => Statement): Promise<RewardRow> {
  const at = ctx.now();
  const row: RewardRow = {
    id: newId("lrw", at),
    workspaceId: ctx.workspaceId,
    name: input.name,
    description: input.description ?? null,
    cost: input.cost,
    stock: input.stock ?? null,
    availableFrom: startOf(input.availableFrom, ctx.timeZone),
    availableUntil: endOf(input.availableUntil, ctx.timeZone),
    couponDays: input.couponDays,
    active: true,
    issued: 0,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.db.batch([ctx.db.insert(loyaltyRewards).values(row), audit(row)]);
  return row;
}

/** Changes a reward; `audit` commits with it. Null when the workspace has no such reward. */
export async function updateReward(ctx: PluginContext<unknown>, rewardId: string, input: z.infer<typeof RewardUpdateInput>, audit: Statement): Promise<RewardRow | null> {
  if (!(await findReward(ctx, rewardId))) return null;
  const set: Partial<RewardRow> = { updatedAt: ctx.now() };
  if (input.name !== undefined) set.name = input.name;
  if (input.description !== undefined) set.description = input.description;
  if (input.cost !== undefined) set.cost = input.cost;
  if (input.stock !== undefined) set.stock = input.stock;
  if (input.couponDays !== undefined) set.couponDays = input.couponDays;
  if (input.active !== undefined) set.active = input.active;
  if (input.availableFrom !== undefined) set.availableFrom = startOf(input.availableFrom, ctx.timeZone);
  if (input.availableUntil !== undefined) set.availableUntil = endOf(input.availableUntil, ctx.timeZone);
  await ctx.db.batch([ctx.db.update(loyaltyRewards).set(set).where(and(eq(loyaltyRewards.workspaceId, ctx.workspaceId), eq(loyaltyRewards.id, rewardId))), audit]);
  return findReward(ctx, rewardId);
}
