// The loyalty club's rules, as each workspace sets them (PATCH /api/plugins/loyalty {"settings": …}).
// Every rule has a default, so the club works the moment it is enabled. Settings are merged field by
// field, so the rules are kept flat; the tier ladder is one list, replaced as a whole.
// Each rule carries its name and a one-line explanation in both languages (`x-title`,
// `x-description`) and each choice its label (`x-labels`), which the settings form shows.
import { z } from "@hono/zod-openapi";

type Text = { en: string; fa: string };
/** What the settings form shows for a rule: its name and, where useful, one line about it. */
const named = (title: Text, description?: Text) => ({ "x-title": title, ...(description && { "x-description": description }) });

const localized = z.object({ en: z.string().trim().min(1).max(60), fa: z.string().trim().min(1).max(60) }).strict();
const points = (max: number) => z.number().int().min(0).max(max);

export const TierSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,31}$/)
      .meta(named({ en: "Code", fa: "کد سطح" }, { en: "Lower-case English letters, e.g. gold; used in segments and reports.", fa: "با حروف کوچک انگلیسی، مثل gold؛ در بخش‌بندی مشتریان و گزارش‌ها به کار می‌رود." })),
    name: localized.meta(named({ en: "Name", fa: "نام سطح" }, { en: "What members see, in both languages.", fa: "نامی که اعضا می‌بینند، به هر دو زبان." })),
    /** Points (or spend, in minor units) over the window needed to hold the tier; the first tier's is 0. */
    threshold: z
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .meta(named({ en: "Needed to reach it", fa: "حد لازم برای رسیدن" }, { en: "Points earned (or amount spent) over the tier window; the first tier's is 0.", fa: "امتیاز کسب‌شده (یا مبلغ خرید) در بازهٔ سنجش سطح؛ برای سطح اول صفر." })),
    /** Purchase points are multiplied by this (two decimals at most). */
    multiplier: z
      .number()
      .min(1)
      .max(10)
      .multipleOf(0.01)
      .meta(named({ en: "Points multiplier", fa: "ضریب امتیاز" }, { en: "Purchase points are multiplied by this, e.g. 1.5 (two decimals at most).", fa: "امتیاز خریدها در این عدد ضرب می‌شود، مثلاً ۱٫۵ (تا دو رقم اعشار)." })),
    benefits: z
      .array(z.object({ en: z.string().trim().min(1).max(120), fa: z.string().trim().min(1).max(120) }).strict().meta(named({ en: "Benefit", fa: "مزیت" })))
      .max(10)
      .default([])
      .meta(named({ en: "Benefits", fa: "مزایا" }, { en: "Shown to members on their card, e.g. free delivery.", fa: "روی کارت عضو نشان داده می‌شود، مثلاً ارسال رایگان." })),
  })
  .strict()
  .meta(named({ en: "Tier", fa: "سطح" }));
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
  amountPerPoint: z
    .number()
    .int()
    .min(1)
    .max(1_000_000_000_000)
    .default(100_000)
    .meta(named({ en: "Purchase amount for one point", fa: "مبلغ خرید برای هر امتیاز" }, { en: "In the currency's smallest unit (toman, rial, cent); points per order are rounded down.", fa: "به کوچک‌ترین واحد پول فروشگاه (تومان، ریال، سنت)؛ امتیاز هر سفارش به پایین گرد می‌شود." })),
  pointValue: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000)
    .default(1_000)
    .meta(named({ en: "Value of one point", fa: "ارزش هر امتیاز" }, { en: "In the currency's smallest unit; shows what unspent points are worth.", fa: "به کوچک‌ترین واحد پول فروشگاه؛ برای نشان دادن ارزش امتیازهای خرج‌نشده." })),
  signupBonus: points(1_000_000)
    .default(50)
    .meta(named({ en: "Welcome bonus", fa: "هدیهٔ عضویت" }, { en: "Points for every new customer who joins the club.", fa: "امتیاز هر مشتری تازه‌ای که عضو باشگاه می‌شود." })),
  birthdayBonus: points(1_000_000)
    .default(100)
    .meta(named({ en: "Birthday bonus", fa: "هدیهٔ تولد" }, { en: "Given once a year on the member's birthday.", fa: "سالی یک بار، روز تولد عضو داده می‌شود." })),
  firstOrderBonus: points(1_000_000)
    .default(100)
    .meta(named({ en: "First order bonus", fa: "هدیهٔ اولین خرید" }, { en: "Extra points with a member's first paid order.", fa: "امتیاز اضافه با اولین خرید پرداخت‌شدهٔ عضو." })),
  npsResponseBonus: points(1_000_000)
    .default(20)
    .meta(named({ en: "Survey answer bonus", fa: "هدیهٔ پاسخ به نظرسنجی" }, { en: "Points for answering the satisfaction survey.", fa: "امتیاز پاسخ دادن به نظرسنجی رضایت." })),
  referrerReward: points(1_000_000)
    .default(200)
    .meta(named({ en: "Reward for referring a friend", fa: "پاداش معرفی دوست" }, { en: "Given to the member whose code a newcomer used.", fa: "به عضوی داده می‌شود که مشتری تازه با کد او آمده است." })),
  newcomerReward: points(1_000_000)
    .default(100)
    .meta(named({ en: "Reward for joining by referral", fa: "هدیهٔ عضویت با معرفی" }, { en: "Given to the newcomer who joined with a friend's code.", fa: "به مشتری تازه‌ای داده می‌شود که با کد یک دوست عضو شده است." })),
  // Expiry: points last this many days (0: never), oldest first; a warning goes out this many days before (0: none).
  expiryDays: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .default(365)
    .meta(named({ en: "Points expire after (days)", fa: "اعتبار امتیازها (روز)" }, { en: "0: points never expire. The oldest points are spent first.", fa: "صفر یعنی امتیازها هرگز منقضی نمی‌شوند. قدیمی‌ترین امتیازها اول خرج می‌شوند." })),
  expiryWarningDays: z
    .number()
    .int()
    .min(0)
    .max(90)
    .default(14)
    .meta(named({ en: "Warn before expiry (days)", fa: "یادآوری پیش از انقضا (روز)" }, { en: "0: no warning.", fa: "صفر یعنی یادآوری فرستاده نمی‌شود." })),
  expiryWarningChannel: z
    .enum(["sms", "email"])
    .default("sms")
    .meta({
      ...named({ en: "Send the warning by", fa: "روش ارسال یادآوری" }),
      "x-labels": { sms: { en: "SMS", fa: "پیامک" }, email: { en: "Email", fa: "ایمیل" } },
    }),
  // Tiers: by points earned or by spend over a rolling window; a member below their tier keeps it this many days.
  tierBasis: z
    .enum(["points", "spend"])
    .default("points")
    .meta({
      ...named({ en: "Tiers are based on", fa: "مبنای سطح‌بندی" }),
      "x-labels": { points: { en: "Points earned", fa: "امتیاز کسب‌شده" }, spend: { en: "Amount spent", fa: "مبلغ خرید" } },
    }),
  tierWindowDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(365)
    .meta(named({ en: "Tier window (days)", fa: "بازهٔ سنجش سطح (روز)" }, { en: "Points or spend are counted over this many recent days.", fa: "امتیاز یا خرید در این تعداد روز اخیر شمرده می‌شود." })),
  tierGraceDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(30)
    .meta(named({ en: "Grace before moving down (days)", fa: "مهلت پیش از کاهش سطح (روز)" }, { en: "A member who falls below their tier keeps it this long.", fa: "عضوی که از حد سطحش پایین‌تر برود، تا این مدت سطحش را نگه می‌دارد." })),
  tiers: tiers
    .default(DEFAULT_TIERS)
    .meta(named({ en: "Tiers", fa: "سطح‌ها" }, { en: "From the lowest to the highest; each needs more than the one before.", fa: "از پایین‌ترین تا بالاترین؛ هر سطح حدی بیشتر از سطح قبلی می‌خواهد." })),
});
export type LoyaltySettings = z.infer<typeof loyaltySettings>;

export const DAY_MS = 86_400_000;
