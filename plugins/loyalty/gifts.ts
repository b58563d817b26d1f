// What the club does for other plugins (`ctx.pluginAction("loyalty", …)`): a gift coupon (a
// single-use personal discount that costs no points) and a gift of points on the ledger. Each
// answers its writes for the caller's batch, and each is keyed by the caller: once the writes of
// a key are committed, the same key answers the same coupon (or nothing more) and writes nothing.
import { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { ActionRefusal, defineAction, newId, workspaceProfile, type Statement } from "../../worker/plugin-api";
import { newCouponCode } from "./codes";
import { UNUSED_COUPON, type CouponRow } from "./coupons";
import { planCredits } from "./credits";
import type { LoyaltyEvents } from "./events";
import { entryByDedupeKey } from "./ledger";
import { ensureMember, liveCustomer } from "./members";
import { loyaltyCoupons } from "./schema";
import { DAY_MS, type LoyaltySettings } from "./settings";
import { giftCouponName } from "./texts";

const Key = z.string().trim().min(1).max(200);

export const IssueCouponInput = z
  .object({
    customerId: z.string().min(1).max(64),
    /** A percent off the order, or an amount off in the workspace currency's minor units: one of them. */
    percent: z.number().int().min(1).max(100).optional(),
    amount: z.number().int().min(1).max(1_000_000_000_000).optional(),
    expiresInDays: z.number().int().min(1).max(365),
    /** The caller's key (a flow's step of one customer's run): one coupon per key. */
    key: Key,
  })
  .refine((input) => (input.percent === undefined) !== (input.amount === undefined), { message: "percent_or_amount", path: ["percent"] });

export const IssuedCoupon = z.object({ couponId: z.string(), code: z.string(), expiresAt: z.number().int() });

export const AwardPointsInput = z.object({
  customerId: z.string().min(1).max(64),
  points: z.number().int().min(1).max(1_000_000),
  /** Shown on the member's history. */
  reason: z.string().trim().min(1).max(200),
  key: Key,
});

export const AwardedPoints = z.object({ points: z.number().int(), balance: z.number().int() });

export const issueCouponAction = defineAction<typeof IssueCouponInput, typeof IssuedCoupon, LoyaltySettings, LoyaltyEvents>({
  description: { en: "Issue a single-use personal discount coupon (a gift: no points are spent).", fa: "صدور کد تخفیف یک‌بارمصرف شخصی (هدیه: امتیازی کم نمی‌شود)." },
  input: IssueCouponInput,
  output: IssuedCoupon,
  async run(input, ctx) {
    const issued = await ctx.db
      .select()
      .from(loyaltyCoupons)
      .where(and(eq(loyaltyCoupons.workspaceId, ctx.workspaceId), eq(loyaltyCoupons.issueKey, input.key)))
      .get();
    if (issued) return { output: { couponId: issued.id, code: issued.code, expiresAt: issued.expiresAt }, statements: [] };
    const customer = await liveCustomer(ctx, input.customerId);
    if (!customer) throw new ActionRefusal("customer_not_found");
    const at = ctx.now();
    const coupon: CouponRow = {
      id: newId("lcp", at),
      workspaceId: ctx.workspaceId,
      code: newCouponCode(),
      customerId: customer.id,
      rewardId: "",
      // Kept as staff of the shop read it, whoever asked: in the workspace's language.
      rewardName: giftCouponName(input, (await workspaceProfile(ctx)).locale, ctx.currency),
      cost: 0,
      ledgerEntryId: "",
      discountPercent: input.percent ?? null,
      discountAmount: input.amount ?? null,
      issueKey: input.key,
      expiresAt: at + input.expiresInDays * DAY_MS,
      ...UNUSED_COUPON,
      createdAt: at,
    };
    const statements: Statement[] = [
      // The key's unique index fails a second batch with the same key: never two coupons for one key.
      ctx.db.insert(loyaltyCoupons).values(coupon),
      ctx.event("loyalty.coupon_issued", { customerId: customer.id, couponId: coupon.id, rewardId: null, cost: 0, expiresAt: new Date(coupon.expiresAt).toISOString() }),
    ];
    return { output: { couponId: coupon.id, code: coupon.code, expiresAt: coupon.expiresAt }, statements };
  },
});

export const awardPointsAction = defineAction<typeof AwardPointsInput, typeof AwardedPoints, LoyaltySettings, LoyaltyEvents>({
  description: { en: "Give a customer points, with a reason, on the club's ledger.", fa: "دادن امتیاز به مشتری، با دلیل، در دفتر امتیاز باشگاه." },
  input: AwardPointsInput,
  output: AwardedPoints,
  async run(input, ctx) {
    const customer = await liveCustomer(ctx, input.customerId);
    if (!customer) throw new ActionRefusal("customer_not_found");
    const member = await ensureMember(ctx, customer.id);
    if (member.erasedAt !== null) throw new ActionRefusal("member_erased");
    const dedupeKey = `gift:${input.key}`;
    if (await entryByDedupeKey(ctx, dedupeKey)) return { output: { points: 0, balance: member.balance }, statements: [] };
    // Through the same planning as every credit: its expiry, and the tier it may lift the member to.
    const plan = await planCredits(ctx, member, [{ customerId: customer.id, kind: "earn", rule: "gift", points: input.points, sourceKind: "rule", sourceId: input.key.slice(0, 64), dedupeKey, reason: input.reason }], ctx.locale);
    return { output: { points: input.points, balance: member.balance + input.points }, statements: plan.statements };
  },
});
