// The loyalty club's tables. Every row carries workspace_id, every index starts with it. The
// ledger is append-only; a member's balance is kept beside it, changed only in the batch that
// appends an entry, and a CHECK keeps it from ever going below zero (an overdraw fails the batch).
// After a change here: `npm run db:generate -- --name loyalty-<what>`.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../../worker/plugin-api";

/** earn: purchases and bonuses; redeem: rewards; expire: old points; reverse: refunds; adjust: staff corrections. */
export const ENTRY_KINDS = ["earn", "redeem", "expire", "reverse", "adjust"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What an entry came from: an order, an event (signup, birthday, referral, survey), a staff member, a rule of the club. */
export const SOURCE_KINDS = ["order", "event", "staff", "rule"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const loyaltyMembers = sqliteTable(
  "loyalty_members",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    balance: integer("balance").notNull().default(0),
    tier: text("tier").notNull(),
    tierSince: integer("tier_since").notNull(),
    // Since when the member's points (or spend) are below their tier's threshold: the grace period's start.
    belowTierSince: integer("below_tier_since"),
    // The member's own code to share; a newcomer who names it is linked to them.
    referralCode: text("referral_code"),
    referredBy: text("referred_by"),
    referredAt: integer("referred_at"),
    // The secret in the link to the member's own balance page (/p/loyalty/…/balance/<token>); null until staff make one.
    balanceToken: text("balance_token"),
    erasedAt: integer("erased_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("loyalty_members_customer_unique").on(t.workspaceId, t.customerId),
    uniqueIndex("loyalty_members_referral_code_unique").on(t.workspaceId, t.referralCode),
    uniqueIndex("loyalty_members_balance_token_unique").on(t.workspaceId, t.balanceToken),
    index("loyalty_members_workspace_idx").on(t.workspaceId, t.id),
    index("loyalty_members_tier_idx").on(t.workspaceId, t.tier, t.customerId),
    index("loyalty_members_referred_by_idx").on(t.workspaceId, t.referredBy),
    check("loyalty_members_balance_non_negative", sql`${t.balance} >= 0`),
  ],
);

export const loyaltyLedger = sqliteTable(
  "loyalty_ledger",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    kind: text("kind", { enum: ENTRY_KINDS }).notNull(),
    // Signed: credits are positive, debits negative. A purchase too small for a point earns 0 (its spend still counts).
    points: integer("points").notNull(),
    // Which rule of the club: purchase, signup, birthday, first_order, nps_response, referrer, newcomer, refund, expiry, reward, staff, merge, erasure, gift (points another plugin gave: a flow step).
    rule: text("rule").notNull(),
    sourceKind: text("source_kind", { enum: SOURCE_KINDS }).notNull(),
    // The order, event, staff member (user id) or rule run the entry came from.
    sourceId: text("source_id"),
    // Makes an effect happen once: "order:<id>", "signup:<customer>", "birthday:<customer>:<year>", …
    dedupeKey: text("dedupe_key"),
    reason: text("reason"),
    // Money (minor units of the workspace currency) the entry adds to the member's spend: a purchase's total, a refund's negative.
    amount: integer("amount").notNull().default(0),
    // A refund's points the member had already spent: recorded, not collected (the balance never goes below zero).
    shortfall: integer("shortfall").notNull().default(0),
    expiresAt: integer("expires_at"),
    couponId: text("coupon_id"),
    actorUserId: text("actor_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("loyalty_ledger_dedupe_unique").on(t.workspaceId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index("loyalty_ledger_customer_idx").on(t.workspaceId, t.customerId, t.createdAt, t.id),
    index("loyalty_ledger_source_idx").on(t.workspaceId, t.sourceKind, t.sourceId),
    index("loyalty_ledger_expiry_idx").on(t.workspaceId, t.expiresAt).where(sql`${t.expiresAt} is not null`),
  ],
);

/** Per-workspace sums of the ledger by kind, kept in the batch of every entry, so figures read one row. */
export const loyaltyTotals = sqliteTable("loyalty_totals", {
  workspaceId: text("workspace_id").primaryKey(),
  members: integer("members").notNull().default(0),
  earned: integer("earned").notNull().default(0),
  redeemed: integer("redeemed").notNull().default(0),
  expired: integer("expired").notNull().default(0),
  reversed: integer("reversed").notNull().default(0),
  adjusted: integer("adjusted").notNull().default(0),
  updatedAt: updatedAt(),
});

export const loyaltyRewards = sqliteTable(
  "loyalty_rewards",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    description: text("description"),
    cost: integer("cost").notNull(),
    // Coupons left to issue; null: no limit.
    stock: integer("stock"),
    availableFrom: integer("available_from"),
    availableUntil: integer("available_until"),
    // How long an issued coupon can be used.
    couponDays: integer("coupon_days").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    issued: integer("issued").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("loyalty_rewards_workspace_idx").on(t.workspaceId, t.id),
    check("loyalty_rewards_cost_positive", sql`${t.cost} > 0`),
    check("loyalty_rewards_stock_non_negative", sql`${t.stock} is null or ${t.stock} >= 0`),
  ],
);

export const loyaltyCoupons = sqliteTable(
  "loyalty_coupons",
  {
    id: id(),
    workspaceId: workspaceId(),
    code: text("code").notNull(),
    customerId: text("customer_id").notNull(),
    // A reward's coupon bought with points; a gift (issued for another plugin, costing no points) has
    // no reward and no ledger entry: both empty.
    rewardId: text("reward_id").notNull(),
    rewardName: text("reward_name").notNull(),
    cost: integer("cost").notNull(),
    ledgerEntryId: text("ledger_entry_id").notNull(),
    // A gift's discount: a percent of the order, or an amount in minor units.
    discountPercent: integer("discount_percent"),
    discountAmount: integer("discount_amount"),
    // The caller's key for a gift: the same key never issues a second coupon.
    issueKey: text("issue_key"),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    // Which use took it: the batch that consumes a coupon checks that its own use is the one recorded.
    useId: text("use_id"),
    usedByUserId: text("used_by_user_id"),
    usedByApiKeyId: text("used_by_api_key_id"),
    // What it was used on, as the shop or cashier calls it (an order number).
    useReference: text("use_reference"),
    voidedAt: integer("voided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("loyalty_coupons_code_unique").on(t.workspaceId, t.code),
    uniqueIndex("loyalty_coupons_issue_key_unique").on(t.workspaceId, t.issueKey).where(sql`issue_key is not null`),
    index("loyalty_coupons_customer_idx").on(t.workspaceId, t.customerId, t.id),
    index("loyalty_coupons_workspace_idx").on(t.workspaceId, t.id),
  ],
);

export const loyaltyTierChanges = sqliteTable(
  "loyalty_tier_changes",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    fromTier: text("from_tier").notNull(),
    toTier: text("to_tier").notNull(),
    direction: text("direction", { enum: ["up", "down"] }).notNull(),
    // earn: an entry lifted the member; review: the daily review (downgrades after grace, or a changed ladder); merge: took a merged member's tier.
    cause: text("cause").notNull(),
    // The points or spend over the window that decided it.
    value: integer("value").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("loyalty_tier_changes_customer_idx").on(t.workspaceId, t.customerId, t.at)],
);

export const loyaltyRaffles = sqliteTable(
  "loyalty_raffles",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    segmentId: text("segment_id"),
    segmentName: text("segment_name"),
    minBalance: integer("min_balance").notNull(),
    winnersWanted: integer("winners_wanted").notNull(),
    // The draw's inputs: a 256-bit random seed and the entrants (sorted ids, stored in chunks), with their digest.
    algorithm: text("algorithm").notNull(),
    seed: text("seed").notNull(),
    entrantsCount: integer("entrants_count").notNull(),
    entrantsDigest: text("entrants_digest").notNull(),
    // Its result: the winners' customer ids in the order drawn.
    winners: json<string[]>("winners").notNull(),
    drawnBy: text("drawn_by"),
    createdAt: createdAt(),
  },
  (t) => [index("loyalty_raffles_workspace_idx").on(t.workspaceId, t.id)],
);

export const loyaltyRaffleEntrants = sqliteTable(
  "loyalty_raffle_entrants",
  {
    id: id(),
    workspaceId: workspaceId(),
    raffleId: text("raffle_id").notNull(),
    chunk: integer("chunk").notNull(),
    customerIds: json<string[]>("customer_ids").notNull(),
  },
  (t) => [uniqueIndex("loyalty_raffle_entrants_chunk_unique").on(t.workspaceId, t.raffleId, t.chunk)],
);
