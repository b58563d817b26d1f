// The club's own page: figures, the coupon till, the rules in force, members, the reward
// catalogue and raffles, with forms for who may use them.
import { desc, eq } from "drizzle-orm";
import { savedSegments, type PluginContext, type UiBlock } from "../../worker/plugin-api";
import { listRaffles, namesOf } from "./raffles";
import { listRewards, rewardState } from "./rewards";
import { loyaltyMembers } from "./schema";
import type { LoyaltySettings } from "./settings";
import { clubSummary } from "./summary";
import { pastOrdersBlocks } from "./ui-past-orders";
import { numberIn } from "./texts";
import { both, stateLabel, type Lang } from "./ui-labels";

export async function clubPage(ctx: PluginContext<LoyaltySettings>, lang: Lang, can: { redeem: boolean; manage: boolean }): Promise<UiBlock[]> {
  const s = ctx.settings;
  const n = (value: number) => numberIn(value, lang);
  const at = ctx.now();
  const summary = await clubSummary(ctx);
  const blocks: UiBlock[] = [
    {
      type: "stats",
      items: [
        { label: both("Members", "اعضا"), value: summary.members, format: "number" },
        { label: both("Outstanding points", "امتیاز در دست اعضا"), value: summary.outstanding, format: "number" },
        { label: both("Liability", "تعهد مالی"), value: summary.liability, format: "money", hint: both(`${numberIn(s.pointValue, "en")} per point`, `هر امتیاز ${n(s.pointValue)}`) },
        { label: both("Earned", "کسب‌شده"), value: summary.earned, format: "number" },
        { label: both("Redeemed", "خرج‌شده"), value: summary.redeemed, format: "number" },
        { label: both("Expired", "منقضی‌شده"), value: summary.expired, format: "number" },
      ],
    },
  ];
  if (can.manage) blocks.push(...(await pastOrdersBlocks(ctx, lang)));

  if (can.redeem) {
    blocks.push({
      type: "form",
      title: both("Use a coupon", "استفاده از کد تخفیف"),
      request: { method: "POST", path: "/coupons/{code}/use" },
      fields: [{ name: "code", label: both("Coupon code", "کد تخفیف"), input: "text", required: true, placeholder: "XXXX-XXXX-XXXX" }],
      submitLabel: both("Use", "ثبت استفاده"),
      successText: both("Coupon {code} used: {rewardName}.", "کد {code} استفاده شد: {rewardName}."),
    });
  }

  const expiry =
    s.expiryDays > 0
      ? { en: `points expire after ${s.expiryDays} days (oldest first)`, fa: `امتیازها پس از ${n(s.expiryDays)} روز منقضی می‌شوند (قدیمی‌ترها اول)` }
      : { en: "points never expire", fa: "امتیازها منقضی نمی‌شوند" };
  const basis = s.tierBasis === "spend" ? { en: "spend", fa: "مبلغ خرید" } : { en: "points earned", fa: "امتیاز کسب‌شده" };
  blocks.push({
    type: "text",
    tone: "info",
    text: both(
      `1 point per ${numberIn(s.amountPerPoint, "en")} spent (rounded down per order); ${expiry.en}; tiers by ${basis.en} over ${s.tierWindowDays} days, kept ${s.tierGraceDays} days after falling below. Bonuses: welcome ${s.signupBonus}, birthday ${s.birthdayBonus}, first order ${s.firstOrderBonus}, referral ${s.referrerReward} + ${s.newcomerReward}. Change these in the plugin's settings.`,
      `هر ${n(s.amountPerPoint)} خرید یک امتیاز (رو به پایین برای هر سفارش)؛ ${expiry.fa}؛ سطح‌ها بر پایهٔ ${basis.fa} در ${n(s.tierWindowDays)} روز، با ${n(s.tierGraceDays)} روز مهلت پس از افت. هدیه‌ها: عضویت ${n(s.signupBonus)}، تولد ${n(s.birthdayBonus)}، اولین خرید ${n(s.firstOrderBonus)}، معرفی ${n(s.referrerReward)} + ${n(s.newcomerReward)}. این قواعد در تنظیمات افزونه تغییر می‌کنند.`,
    ),
  });
  blocks.push({
    type: "table",
    title: both("Tiers", "سطح‌ها"),
    columns: [
      { key: "name", label: both("Tier", "سطح"), format: "badge" },
      { key: "threshold", label: s.tierBasis === "spend" ? both("Spend from", "از مبلغ خرید") : both("Points from", "از امتیاز"), format: s.tierBasis === "spend" ? "money" : "number" },
      { key: "multiplier", label: both("Points ×", "ضریب امتیاز"), format: "number" },
      { key: "benefits", label: both("Benefits", "مزایا") },
    ],
    rows: s.tiers.map((tier) => ({ name: tier.name[lang], threshold: tier.threshold, multiplier: tier.multiplier, benefits: tier.benefits.map((b) => b[lang]).join(" · ") || null })),
  });

  const members = await ctx.db.select().from(loyaltyMembers).where(eq(loyaltyMembers.workspaceId, ctx.workspaceId)).orderBy(desc(loyaltyMembers.id)).limit(20);
  const names = await namesOf(ctx, members.map((member) => member.customerId));
  const tierNames = new Map(s.tiers.map((tier) => [tier.key, tier.name[lang]]));
  blocks.push({
    type: "table",
    title: both("Newest members", "تازه‌ترین اعضا"),
    columns: [
      { key: "name", label: both("Customer", "مشتری") },
      { key: "tier", label: both("Tier", "سطح"), format: "badge" },
      { key: "balance", label: both("Balance", "مانده"), format: "number" },
      { key: "joined", label: both("Joined", "عضویت"), format: "date" },
    ],
    rows: members.map((member) => ({ name: names.get(member.customerId) || "—", tier: tierNames.get(member.tier) ?? member.tier, balance: member.balance, joined: new Date(member.createdAt).toISOString() })),
    empty: both("No members yet: customers join with their first purchase or bonus.", "هنوز عضوی نیست: مشتریان با اولین خرید یا هدیه عضو می‌شوند."),
  });

  const rewards = (await listRewards(ctx, null, 50)).slice(0, 50);
  blocks.push({
    type: "table",
    title: both("Rewards", "جایزه‌ها"),
    columns: [
      { key: "name", label: both("Reward", "جایزه") },
      { key: "cost", label: both("Points", "امتیاز"), format: "number" },
      { key: "stock", label: both("Left", "موجودی"), format: "number" },
      { key: "issued", label: both("Issued", "صادرشده"), format: "number" },
      { key: "state", label: both("State", "وضعیت"), format: "badge" },
      { key: "until", label: both("Until", "تا"), format: "date" },
    ],
    rows: rewards.map((reward) => ({
      name: reward.name,
      cost: reward.cost,
      stock: reward.stock,
      issued: reward.issued,
      state: stateLabel(rewardState(reward, at), lang),
      until: reward.availableUntil === null ? null : new Date(reward.availableUntil - 1).toISOString(),
    })),
    empty: both("No rewards yet.", "هنوز جایزه‌ای تعریف نشده است."),
  });
  if (can.manage) {
    blocks.push({
      type: "form",
      title: both("New reward", "جایزهٔ تازه"),
      request: { method: "POST", path: "/rewards" },
      fields: [
        { name: "name", label: both("Name", "نام"), input: "text", required: true },
        { name: "cost", label: both("Cost in points", "هزینه به امتیاز"), input: "number", required: true },
        { name: "stock", label: both("How many (empty: no limit)", "تعداد (خالی: نامحدود)"), input: "number" },
        { name: "couponDays", label: both("Coupon valid for (days)", "اعتبار کد (روز)"), input: "number", default: 30 },
        { name: "availableUntil", label: both("Available until", "در دسترس تا"), input: "date" },
      ],
      submitLabel: both("Add reward", "افزودن جایزه"),
    });
  }

  const raffles = (await listRaffles(ctx, null, 10)).slice(0, 10);
  const winnerNames = await namesOf(ctx, raffles.flatMap((raffle) => raffle.winners));
  blocks.push({
    type: "table",
    title: both("Raffles", "قرعه‌کشی‌ها"),
    columns: [
      { key: "name", label: both("Raffle", "قرعه‌کشی") },
      { key: "at", label: both("Drawn", "زمان"), format: "datetime" },
      { key: "entrants", label: both("Entrants", "شرکت‌کنندگان"), format: "number" },
      { key: "winners", label: both("Winners", "برندگان") },
      { key: "seed", label: both("Seed", "بذر تصادفی"), format: "code" },
    ],
    rows: raffles.map((raffle) => ({
      name: raffle.segmentName ? `${raffle.name} (${raffle.segmentName})` : raffle.name,
      at: new Date(raffle.createdAt).toISOString(),
      entrants: raffle.entrantsCount,
      winners: raffle.winners.map((id) => winnerNames.get(id) || "—").join("، ") || null,
      seed: `${raffle.seed.slice(0, 16)}…`,
    })),
    empty: both("No raffles yet.", "هنوز قرعه‌کشی‌ای برگزار نشده است."),
  });
  if (can.manage) {
    const segments = await savedSegments(ctx);
    blocks.push({
      type: "form",
      title: both("Draw a raffle", "برگزاری قرعه‌کشی"),
      request: { method: "POST", path: "/raffles" },
      fields: [
        { name: "name", label: both("Name", "نام"), input: "text", required: true },
        { name: "winners", label: both("Winners", "تعداد برندگان"), input: "number", required: true, default: 1 },
        { name: "minBalance", label: both("Minimum balance", "حداقل مانده امتیاز"), input: "number", default: 0 },
        { name: "segmentId", label: both("Among the segment (empty: all members)", "از میان بخش (خالی: همهٔ اعضا)"), input: "select", options: segments.map((segment) => ({ value: segment.id, label: segment.name })) },
        { name: "notify", label: both("Tell the winners by SMS", "اطلاع به برندگان با پیامک"), input: "checkbox", default: true },
      ],
      submitLabel: both("Draw", "قرعه‌کشی"),
    });
  }
  return blocks;
}
