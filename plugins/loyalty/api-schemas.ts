// What the club's API takes and gives back (zod, so /openapi.json is generated from them).
import { z } from "@hono/zod-openapi";
import { CalendarDay } from "../../worker/plugin-api";
import { ENTRY_KINDS, SOURCE_KINDS } from "./schema";

const localized = z.object({ en: z.string(), fa: z.string() });
const iso = z.string().openapi({ example: "2026-03-21T09:30:00.000Z" });

export const CustomerIdParam = z.object({ customerId: z.string().min(1).max(64).openapi({ param: { name: "customerId", in: "path" }, example: "cus_01jd…" }) });
export const RewardIdParam = z.object({ rewardId: z.string().min(1).max(64).openapi({ param: { name: "rewardId", in: "path" }, example: "lrw_01jd…" }) });
export const RaffleIdParam = z.object({ raffleId: z.string().min(1).max(64).openapi({ param: { name: "raffleId", in: "path" }, example: "lrf_01jd…" }) });
export const CouponCodeParam = z.object({ code: z.string().min(1).max(40).openapi({ param: { name: "code", in: "path" }, example: "8K4M-2PQR-X7Z1" }) });

export const TierView = z.object({ key: z.string(), name: localized, threshold: z.number().int(), multiplier: z.number(), benefits: z.array(localized) });

export const MemberSchema = z
  .object({
    customerId: z.string(),
    displayName: z.string(),
    member: z.boolean().openapi({ description: "false until the customer's first loyalty activity." }),
    balance: z.number().int(),
    tier: TierView,
    tierSince: iso.nullable(),
    basis: z.enum(["points", "spend"]),
    windowDays: z.number().int(),
    value: z.number().int().openapi({ description: "Points earned (or spend, in minor units) over the window: what the tier rests on." }),
    nextTier: z.object({ tier: TierView, remaining: z.number().int() }).nullable(),
    belowTierSince: iso.nullable().openapi({ description: "When the member fell below their tier's threshold; they keep it for the grace period." }),
    referralCode: z.string().nullable(),
    referredBy: z.string().nullable(),
    joinedAt: iso.nullable(),
  })
  .openapi("LoyaltyMember");

export const MemberListItem = z
  .object({ customerId: z.string(), displayName: z.string(), balance: z.number().int(), tier: z.string(), joinedAt: iso })
  .openapi("LoyaltyMemberListItem");

export const LedgerEntrySchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    kind: z.enum(ENTRY_KINDS),
    points: z.number().int(),
    rule: z.string(),
    sourceKind: z.enum(SOURCE_KINDS),
    sourceId: z.string().nullable(),
    reason: z.string().nullable(),
    amount: z.number().int(),
    shortfall: z.number().int().openapi({ description: "Refunded points the member had already spent, not taken back." }),
    expiresAt: iso.nullable(),
    couponId: z.string().nullable(),
    actorUserId: z.string().nullable(),
    createdAt: iso,
  })
  .openapi("LoyaltyLedgerEntry");

export const AdjustInput = z
  .object({
    points: z.number().int().min(-1_000_000_000).max(1_000_000_000).refine((n) => n !== 0, { message: "nothing_to_change" }).openapi({ description: "Added (positive) or taken (negative)." }),
    reason: z.string().trim().min(3).max(500),
  })
  .strict()
  .openapi("LoyaltyAdjust");

export const RedeemInput = z.object({ rewardId: z.string().min(1).max(64) }).strict().openapi("LoyaltyRedeem");
export const ReferrerInput = z.object({ code: z.string().trim().min(1).max(20) }).strict().openapi("LoyaltyReferrer");

const plainDate = CalendarDay.openapi({ example: "2026-12-31", description: "A local date of the workspace." });

export const RewardCreateInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().min(1).max(1000).optional(),
    cost: z.number().int().min(1).max(1_000_000_000),
    stock: z.number().int().min(0).max(10_000_000).nullable().optional().openapi({ description: "Coupons left to issue; omitted or null: no limit." }),
    couponDays: z.number().int().min(1).max(3650).default(30),
    availableFrom: plainDate.nullable().optional(),
    availableUntil: plainDate.nullable().optional().openapi({ description: "The last local day it can be redeemed." }),
  })
  .strict()
  .openapi("LoyaltyRewardCreate");

export const RewardUpdateInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().min(1).max(1000).nullable().optional(),
    cost: z.number().int().min(1).max(1_000_000_000).optional(),
    stock: z.number().int().min(0).max(10_000_000).nullable().optional(),
    couponDays: z.number().int().min(1).max(3650).optional(),
    availableFrom: plainDate.nullable().optional(),
    availableUntil: plainDate.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "nothing_to_change" })
  .openapi("LoyaltyRewardUpdate");

export const RewardSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    cost: z.number().int(),
    stock: z.number().int().nullable(),
    couponDays: z.number().int(),
    availableFrom: iso.nullable(),
    availableUntil: iso.nullable(),
    active: z.boolean(),
    issued: z.number().int(),
    createdAt: iso,
    updatedAt: iso,
  })
  .openapi("LoyaltyReward");

export const COUPON_STATES = ["active", "used", "expired", "voided"] as const;

export const CouponSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    customerId: z.string(),
    rewardId: z.string().nullable().openapi({ description: "The reward bought with points; null for a gift coupon." }),
    rewardName: z.string(),
    cost: z.number().int(),
    discount: z
      .union([z.object({ percent: z.number().int() }), z.object({ amount: z.number().int() })])
      .nullable()
      .openapi({ description: "A gift coupon's discount (a percent, or an amount in minor units); null for a reward's coupon." }),
    status: z.enum(COUPON_STATES),
    expiresAt: iso,
    usedAt: iso.nullable(),
    usedByUserId: z.string().nullable(),
    usedByApiKeyId: z.string().nullable(),
    reference: z.string().nullable(),
    createdAt: iso,
  })
  .openapi("LoyaltyCoupon");

export const CouponUseQuery = z.object({ reference: z.string().trim().min(1).max(100).optional().openapi({ description: "What it was used on (an order number)." }) });
export const CouponListQuery = z.object({ customerId: z.string().min(1).max(64).optional(), status: z.enum(COUPON_STATES).optional() });

export const RaffleCreateInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    winners: z.number().int().min(1).max(100),
    minBalance: z.number().int().min(0).max(1_000_000_000).default(0),
    segmentId: z.string().min(1).max(64).optional().openapi({ description: "A saved segment; omitted: every member." }),
    notify: z.boolean().default(true).openapi({ description: "Message the winners (SMS, respecting consent)." }),
  })
  .strict()
  .openapi("LoyaltyRaffleCreate");

export const RaffleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    segmentId: z.string().nullable(),
    segmentName: z.string().nullable(),
    minBalance: z.number().int(),
    winnersWanted: z.number().int(),
    algorithm: z.string(),
    seed: z.string().openapi({ description: "The draw's 256-bit random seed (hex)." }),
    entrantsCount: z.number().int(),
    entrantsDigest: z.string().openapi({ description: "SHA-256 (hex) of the entrants' customer ids, sorted, one per line." }),
    winners: z.array(z.object({ customerId: z.string(), displayName: z.string() })),
    drawnBy: z.string().nullable(),
    createdAt: iso,
  })
  .openapi("LoyaltyRaffle");

export const RaffleVerification = z
  .object({
    raffleId: z.string(),
    entrantsDigest: z.string(),
    digestMatches: z.boolean(),
    recomputedWinners: z.array(z.string()),
    winnersMatch: z.boolean(),
    entrants: z.array(z.string()).openapi({ description: "The stored entrants, sorted: with the seed, anyone can run the draw again." }),
  })
  .openapi("LoyaltyRaffleVerification");

export const SummarySchema = z
  .object({
    members: z.number().int(),
    earned: z.number().int(),
    redeemed: z.number().int(),
    expired: z.number().int(),
    reversed: z.number().int(),
    adjusted: z.number().int(),
    outstanding: z.number().int().openapi({ description: "Points held by members: the club's liability." }),
    liability: z.number().int().openapi({ description: "The outstanding points' value in minor units of the workspace currency (pointValue each)." }),
    currency: z.string(),
  })
  .openapi("LoyaltySummary");
