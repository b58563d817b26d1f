// Tiers: a ladder of thresholds on the points earned (or the money spent) over a rolling window.
// A member moves up the moment an entry lifts them over a threshold; the daily review moves them
// down, once they have stayed below their tier's threshold for the grace period. Each change is a
// row of its own, a `loyalty.tier_changed` event and a note on the customer's timeline, in one batch.
import type { LoyaltyEvents } from "./events";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { newId, timelineNote, type PluginContext, type Statement } from "../../worker/plugin-api";
import { stillTrue } from "./ledger";
import { loyaltyLedger, loyaltyMembers, loyaltyTierChanges } from "./schema";
import { DAY_MS, type LoyaltySettings, type Tier } from "./settings";
import type { MemberRow } from "./members";
import { tierChangedNote } from "./texts";

type Ctx = PluginContext<LoyaltySettings, LoyaltyEvents>;

/** The highest tier whose threshold the value reaches (the first tier's is 0). */
export function tierFor(tiers: readonly Tier[], value: number): Tier {
  let reached = tiers[0]!;
  for (const tier of tiers) if (value >= tier.threshold) reached = tier;
  return reached;
}

export const tierByKey = (tiers: readonly Tier[], key: string): Tier | undefined => tiers.find((tier) => tier.key === key);
export const rankOf = (tiers: readonly Tier[], key: string) => tiers.findIndex((tier) => tier.key === key);

/** The next tier above the member's, if any, and how far it is. */
export function progressToNext(tiers: readonly Tier[], currentKey: string, value: number): { next: Tier; remaining: number } | null {
  const rank = Math.max(0, rankOf(tiers, currentKey));
  const next = tiers[rank + 1];
  return next ? { next, remaining: Math.max(0, next.threshold - value) } : null;
}

/** The window's earned points (purchases and bonuses, less refunds) or spend (purchases less refunds). */
function qualifyingExpression(settings: LoyaltySettings) {
  return settings.tierBasis === "spend"
    ? sql<number>`coalesce(sum(${loyaltyLedger.amount}), 0)`
    : sql<number>`coalesce(sum(case when ${loyaltyLedger.kind} in ('earn', 'reverse') then ${loyaltyLedger.points} else 0 end), 0)`;
}

export async function qualifyingValue(ctx: Ctx, customerId: string, at = ctx.now()): Promise<number> {
  const row = await ctx.db
    .select({ value: qualifyingExpression(ctx.settings) })
    .from(loyaltyLedger)
    .where(and(eq(loyaltyLedger.workspaceId, ctx.workspaceId), eq(loyaltyLedger.customerId, customerId), gte(loyaltyLedger.createdAt, at - ctx.settings.tierWindowDays * DAY_MS)))
    .get();
  return Number(row?.value ?? 0);
}

/** What a ledger entry adds to the qualifying value. */
export function qualifyingDelta(settings: LoyaltySettings, entry: { kind: string; points: number; amount: number }): number {
  if (settings.tierBasis === "spend") return entry.amount;
  return entry.kind === "earn" || entry.kind === "reverse" ? entry.points : 0;
}

export interface TierMove {
  customerId: string;
  from: string;
  to: string;
  cause: "earn" | "review" | "merge";
  value: number;
  at: number;
}

/**
 * The statements of a tier change: guarded on the tier read (a concurrent change makes the batch
 * fail and the caller plan again), the member, the history row, the event and the timeline note.
 */
export function tierChangeStatements(ctx: Ctx, move: TierMove, locale: "fa" | "en"): Statement[] {
  const tiers = ctx.settings.tiers;
  const direction = rankOf(tiers, move.to) > rankOf(tiers, move.from) ? "up" : "down";
  const member = and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), eq(loyaltyMembers.customerId, move.customerId));
  return [
    stillTrue(ctx, sql`(select ${loyaltyMembers.tier} from ${loyaltyMembers} where ${member}) = ${move.from}`, "tier"),
    ctx.db.update(loyaltyMembers).set({ tier: move.to, tierSince: move.at, belowTierSince: null, updatedAt: move.at }).where(member),
    ctx.db.insert(loyaltyTierChanges).values({
      id: newId("ltc", move.at),
      workspaceId: ctx.workspaceId,
      customerId: move.customerId,
      fromTier: move.from,
      toTier: move.to,
      direction,
      cause: move.cause,
      value: move.value,
      at: move.at,
    }),
    ctx.event("loyalty.tier_changed", { customerId: move.customerId, from: move.from, to: move.to, direction, cause: move.cause, value: move.value }),
    timelineNote(ctx, { customerId: move.customerId, summary: tierChangedNote(tiers, move.from, move.to, direction, locale), at: move.at }),
  ];
}

/** An upgrade the member earns at once, when `value` (after the entries being written) reaches a higher tier. */
export function upgradeFor(ctx: Ctx, member: Pick<MemberRow, "customerId" | "tier">, value: number, at: number): TierMove | null {
  const tiers = ctx.settings.tiers;
  const reached = tierFor(tiers, value);
  const current = rankOf(tiers, member.tier);
  if (rankOf(tiers, reached.key) <= current) return null;
  return { customerId: member.customerId, from: member.tier, to: reached.key, cause: "earn", value, at };
}

/**
 * The daily review's decision for one member: up at once (a lowered threshold, a changed ladder),
 * down once the grace period has passed since they fell below their tier, or only the start or
 * end of a grace period.
 */
export function reviewDecision(
  settings: LoyaltySettings,
  member: Pick<MemberRow, "customerId" | "tier" | "belowTierSince">,
  value: number,
  at: number,
): { move: TierMove | null; belowTierSince: number | null } {
  const tiers = settings.tiers;
  const reached = tierFor(tiers, value);
  const current = rankOf(tiers, member.tier);
  const move = (to: string): TierMove => ({ customerId: member.customerId, from: member.tier, to, cause: "review", value, at });
  // A tier no longer on the ladder: place the member where their value puts them.
  if (current < 0) return { move: move(reached.key), belowTierSince: null };
  const target = rankOf(tiers, reached.key);
  if (target > current) return { move: move(reached.key), belowTierSince: null };
  if (target === current) return { move: null, belowTierSince: null };
  const since = member.belowTierSince ?? at;
  if (at - since >= settings.tierGraceDays * DAY_MS) return { move: move(reached.key), belowTierSince: null };
  return { move: null, belowTierSince: since };
}

/** Members of the workspace with their window value, for the review (one grouped read). */
export function membersWithValues(ctx: Ctx, at: number, customerIds?: string[]) {
  const since = at - ctx.settings.tierWindowDays * DAY_MS;
  const value = ctx.settings.tierBasis === "spend"
    ? sql<number>`coalesce(sum(case when ${loyaltyLedger.createdAt} >= ${since} then ${loyaltyLedger.amount} else 0 end), 0)`
    : sql<number>`coalesce(sum(case when ${loyaltyLedger.createdAt} >= ${since} and ${loyaltyLedger.kind} in ('earn', 'reverse') then ${loyaltyLedger.points} else 0 end), 0)`;
  return ctx.db
    .select({ customerId: loyaltyMembers.customerId, tier: loyaltyMembers.tier, belowTierSince: loyaltyMembers.belowTierSince, value })
    .from(loyaltyMembers)
    .leftJoin(
      loyaltyLedger,
      and(eq(loyaltyLedger.workspaceId, loyaltyMembers.workspaceId), eq(loyaltyLedger.customerId, loyaltyMembers.customerId), gte(loyaltyLedger.createdAt, since)),
    )
    .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), sql`${loyaltyMembers.erasedAt} is null`, customerIds ? inArray(loyaltyMembers.customerId, customerIds) : undefined))
    .groupBy(loyaltyMembers.customerId);
}
