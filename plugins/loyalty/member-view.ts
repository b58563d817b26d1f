// What staff see of a member: balance, tier and its benefits, progress to the next tier, the
// referral code. A customer who has not joined yet reads as a member-to-be with nothing.
import type { z } from "@hono/zod-openapi";
import type { PluginContext } from "../../worker/plugin-api";
import type { MemberSchema } from "./api-schemas";
import type { LiveCustomer, MemberRow } from "./members";
import type { LoyaltySettings, Tier } from "./settings";
import { progressToNext, qualifyingValue, tierByKey, tierFor } from "./tiers";

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());
const tierView = (tier: Tier) => ({ key: tier.key, name: tier.name, threshold: tier.threshold, multiplier: tier.multiplier, benefits: tier.benefits });

export type MemberView = z.infer<typeof MemberSchema>;

export async function memberView(ctx: PluginContext<LoyaltySettings>, customer: LiveCustomer, member: MemberRow | null): Promise<MemberView> {
  const { tiers, tierBasis, tierWindowDays } = ctx.settings;
  const value = member ? await qualifyingValue(ctx, customer.id) : 0;
  // A tier taken off the ladder reads as where the value puts the member, until the review moves them.
  const tier = (member && tierByKey(tiers, member.tier)) || tierFor(tiers, value);
  const next = progressToNext(tiers, tier.key, value);
  return {
    customerId: customer.id,
    displayName: customer.displayName,
    member: member !== null,
    balance: member?.balance ?? 0,
    tier: tierView(tier),
    tierSince: iso(member?.tierSince),
    basis: tierBasis,
    windowDays: tierWindowDays,
    value,
    nextTier: next ? { tier: tierView(next.next), remaining: next.remaining } : null,
    belowTierSince: iso(member?.belowTierSince),
    referralCode: member?.referralCode ?? null,
    referredBy: member?.referredBy ?? null,
    joinedAt: iso(member?.createdAt),
  };
}
