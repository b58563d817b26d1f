// The loyalty club's rules, as each workspace sets them (PATCH /api/plugins/loyalty {"settings": …}).
// Every rule has a default, so the club works the moment it is enabled. Settings are merged field by
// field, so the rules are kept flat; the tier ladder is one list, replaced as a whole.
import { z } from "@hono/zod-openapi";

const localized = z.object({ en: z.string().trim().min(1).max(60), fa: z.string().trim().min(1).max(60) }).strict();
const points = (max: number) => z.number().int().min(0).max(max);

export const TierSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/),
    name: localized,
    /** Points (or spend, in minor units) over the window needed to hold the tier; the first tier's is 0. */
    threshold: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    /** Purchase points are multiplied by this (two decimals at most). */
    multiplier: z.number().min(1).max(10).multipleOf(0.01),
    benefits: z.array(z.object({ en: z.string().trim().min(1).max(120), fa: z.string().trim().min(1).max(120) }).strict()).max(10).default([]),
  })
  .strict();
export type Tier = z.infer<typeof TierSchema>;

export const DEFAULT_TIERS: Tier[] = [
  { key: "bronze", name: { en: "Bronze", fa: "برنزی" }, threshold: 0, multiplier: 1, benefits: [] },
  {
    key: "silver",
    name: { en: "Silver", fa: "نقره‌ای" },
    threshold: 1_000,
    multiplier: 1.25,
    benefits: [{ en: "Free delivery", fa: "ارسال رایگان" }],
  },
  {
    key: "gold",
    name: { en: "Gold", fa: "طلایی" },
    threshold: 5_000,
    multiplier: 1.5,
    benefits: [
      { en: "Free express delivery", fa: "ارسال فوری رایگان" },
      { en: "Early access to sales", fa: "دسترسی زودتر به حراج‌ها" },
    ],
  },
];

const tiers = z
  .array(TierSchema)
  .min(1)
  .max(10)
  .superRefine((list, ctx) => {
    if (list[0] && list[0].threshold !== 0) ctx.addIssue({ code: "custom", message: "first_tier_threshold", path: [0, "threshold"] });
    list.forEach((tier, index) => {
      if (index > 0 && tier.threshold <= list[index - 1]!.threshold) ctx.addIssue({ code: "custom", message: "tier_thresholds_ascending", path: [index, "threshold"] });
      if (list.findIndex((other) => other.key === tier.key) !== index) ctx.addIssue({ code: "custom", message: "duplicate_tier_key", path: [index, "key"] });
    });
  });

export const loyaltySettings = z.object({
  // Earning: floor(order total × tier multiplier ÷ amountPerPoint) points per paid order.
  amountPerPoint: z.number().int().min(1).max(1_000_000_000_000).default(100_000).openapi({
    description: "How much spent (minor units of the workspace currency) earns one point. Points per order are rounded down.",
  }),
  pointValue: z.number().int().min(0).max(1_000_000_000).default(1_000).openapi({
    description: "What one point is worth in the workspace currency, for the outstanding liability figure.",
  }),
  signupBonus: points(1_000_000).default(50),
  birthdayBonus: points(1_000_000).default(100),
  firstOrderBonus: points(1_000_000).default(100),
  npsResponseBonus: points(1_000_000).default(20),
  referrerReward: points(1_000_000).default(200),
  newcomerReward: points(1_000_000).default(100),
  // Expiry: points last this many days (0: never), oldest first; a warning goes out this many days before (0: none).
  expiryDays: z.number().int().min(0).max(3650).default(365),
  expiryWarningDays: z.number().int().min(0).max(90).default(14),
  expiryWarningChannel: z.enum(["sms", "email"]).default("sms"),
  // Tiers: by points earned or by spend over a rolling window; a member below their tier keeps it this many days.
  tierBasis: z.enum(["points", "spend"]).default("points"),
  tierWindowDays: z.number().int().min(1).max(3650).default(365),
  tierGraceDays: z.number().int().min(0).max(365).default(30),
  tiers: tiers.default(DEFAULT_TIERS),
});
export type LoyaltySettings = z.infer<typeof loyaltySettings>;

export const DAY_MS = 86_400_000;
