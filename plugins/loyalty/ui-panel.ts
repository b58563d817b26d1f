// The customer page's loyalty panel: balance, tier and progress, benefits, coupons, history, and
// (for who may) the adjustment and reward forms.
import { and, desc, eq } from "drizzle-orm";
import type { PluginContext, UiBlock } from "../../worker/plugin-api";
import { couponStatus } from "./coupons";
import { historyPage } from "./ledger";
import type { LiveCustomer, MemberRow } from "./members";
import { memberView } from "./member-view";
import { rewardState } from "./rewards";
import { loyaltyCoupons, loyaltyRewards } from "./schema";
import type { LoyaltySettings } from "./settings";
import { dateIn, numberIn } from "./texts";
import { both, entryDetail, stateLabel, type Lang } from "./ui-labels";

export async function customerPanel(
  ctx: PluginContext<LoyaltySettings>,
  customer: LiveCustomer,
  member: MemberRow | null,
  lang: Lang,
  can: { adjust: boolean; redeem: boolean },
): Promise<UiBlock[]> {
  const view = await memberView(ctx, customer, member);
  const at = ctx.now();
  const n = (value: number) => numberIn(value, lang);
  const blocks: UiBlock[] = [];
  const spend = view.basis === "spend";

  blocks.push({
    type: "stats",
    items: [
      { label: both("Balance", "مانده امتیاز"), value: view.balance, format: "number", hint: both("points", "امتیاز") },
      { label: both("Tier", "سطح"), value: view.tier.name[lang], format: "badge", hint: view.tier.multiplier > 1 ? both(`${view.tier.multiplier}× points`, `${n(view.tier.multiplier)}× امتیاز`) : undefined },
      { label: both("Worth", "ارزش امتیازها"), value: view.balance * ctx.settings.pointValue, format: "money" },
      { label: both("Referral code", "کد معرف"), value: view.referralCode, format: "code" },
    ],
  });

  if (view.nextTier) {
    const remaining = n(view.nextTier.remaining);
    blocks.push({
      type: "progress",
      label: both(`Progress to ${view.nextTier.tier.name.en}`, `تا سطح ${view.nextTier.tier.name.fa}`),
      value: Math.min(view.value, view.nextTier.tier.threshold),
      max: view.nextTier.tier.threshold,
      caption: spend
        ? both(`${remaining} more to spend in ${view.windowDays} days`, `${remaining} خرید دیگر در ${n(view.windowDays)} روز`)
        : both(`${remaining} more points in ${view.windowDays} days`, `${remaining} امتیاز دیگر در ${n(view.windowDays)} روز`),
    });
  } else {
    blocks.push({ type: "text", tone: "success", text: both("Top tier.", "بالاترین سطح.") });
  }

  if (view.tier.benefits.length) {
    blocks.push({ type: "text", tone: "info", text: both(`${view.tier.name.en} benefits: ${view.tier.benefits.map((b) => b.en).join(" · ")}`, `مزایای سطح ${view.tier.name.fa}: ${view.tier.benefits.map((b) => b.fa).join(" · ")}`) });
  }
  if (member?.belowTierSince) {
    const until = member.belowTierSince + ctx.settings.tierGraceDays * 86_400_000;
    blocks.push({
      type: "text",
      tone: "warning",
      text: both(`Below this tier's threshold; keeps it until ${dateIn(until, "en", ctx.timeZone)} unless they catch up.`, `کمتر از آستانهٔ این سطح؛ تا ${dateIn(until, "fa", ctx.timeZone)} سطح حفظ می‌شود، مگر آن‌که جبران شود.`),
    });
  }
  if (!member) blocks.push({ type: "text", tone: "muted", text: both("Not a member yet: joins with their first purchase or bonus.", "هنوز عضو نیست: با اولین خرید یا هدیه عضو می‌شود.") });

  const coupons = await ctx.db
    .select()
    .from(loyaltyCoupons)
    .where(and(eq(loyaltyCoupons.workspaceId, ctx.workspaceId), eq(loyaltyCoupons.customerId, customer.id)))
    .orderBy(desc(loyaltyCoupons.id))
    .limit(5);
  if (coupons.length) {
    blocks.push({
      type: "table",
      title: both("Coupons", "کدهای تخفیف"),
      columns: [
        { key: "code", label: both("Code", "کد"), format: "code" },
        { key: "reward", label: both("Reward", "جایزه") },
        { key: "status", label: both("Status", "وضعیت"), format: "badge" },
        { key: "expires", label: both("Expires", "انقضا"), format: "date" },
      ],
      rows: coupons.map((row) => ({ code: row.code, reward: row.rewardName, status: stateLabel(couponStatus(row, at), lang), expires: new Date(row.expiresAt).toISOString() })),
    });
  }

  const history = (await historyPage(ctx, customer.id, null, 10)).slice(0, 10);
  blocks.push({
    type: "table",
    title: both("History", "گردش امتیاز"),
    columns: [
      { key: "at", label: both("When", "زمان"), format: "date" },
      { key: "points", label: both("Points", "امتیاز"), format: "number" },
      { key: "detail", label: both("For", "بابت") },
      { key: "expires", label: both("Expires", "انقضا"), format: "date" },
    ],
    rows: history.map((entry) => ({
      at: new Date(entry.createdAt).toISOString(),
      points: entry.points,
      detail: entryDetail(entry, lang),
      expires: entry.expiresAt === null ? null : new Date(entry.expiresAt).toISOString(),
    })),
    empty: both("No points yet.", "هنوز امتیازی ثبت نشده است."),
  });

  const path = (action: string) => `/members/${encodeURIComponent(customer.id)}/${action}`;
  if (can.redeem) {
    const rewards = (await ctx.db.select().from(loyaltyRewards).where(eq(loyaltyRewards.workspaceId, ctx.workspaceId)).orderBy(desc(loyaltyRewards.id)).limit(50)).filter(
      (reward) => rewardState(reward, at) === "available",
    );
    if (rewards.length) {
      blocks.push({
        type: "form",
        title: both("Issue a reward", "صدور جایزه"),
        request: { method: "POST", path: path("redeem") },
        fields: [
          {
            name: "rewardId",
            label: both("Reward", "جایزه"),
            input: "select",
            required: true,
            options: rewards.map((reward) => ({ value: reward.id, label: both(`${reward.name} (${numberIn(reward.cost, "en")} points)`, `${reward.name} (${numberIn(reward.cost, "fa")} امتیاز)`) })),
          },
        ],
        submitLabel: both("Issue coupon", "صدور کد تخفیف"),
        successText: both("Coupon {code} issued.", "کد تخفیف {code} صادر شد."),
      });
    }
  }
  if (can.adjust) {
    blocks.push({
      type: "form",
      title: both("Adjust points", "اصلاح امتیاز"),
      request: { method: "POST", path: path("adjust") },
      fields: [
        { name: "points", label: both("Points (negative to take)", "امتیاز (منفی برای کسر)"), input: "number", required: true },
        { name: "reason", label: both("Reason", "دلیل"), input: "textarea", required: true, help: both("Kept in the ledger and the audit log.", "در دفتر امتیاز و گزارش ممیزی می‌ماند.") },
      ],
      submitLabel: both("Adjust", "ثبت اصلاح"),
    });
  }
  return blocks;
}
