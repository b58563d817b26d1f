// Earning on a paid order: floor(total × the member's tier multiplier ÷ amountPerPoint) points, in
// the workspace currency only (an order in another currency earns nothing: no conversion is
// guessed). The order's id is the entry's dedupe key, so a paid order earns once however often
// `order.paid` arrives, even as different events (paid, cancelled, paid again). The customer's
// first paid order also brings the first-order bonus, and, for a referred newcomer, both
// referral rewards.
import type { DeliveredEvent, HookContext } from "../../worker/plugin-api";
import { workspaceProfile } from "../../worker/plugin-api";
import { planCredits } from "./credits";
import { hasDedupeKey, type NewEntry } from "./ledger";
import { ensureMember, liveCustomer } from "./members";
import type { LoyaltySettings } from "./settings";
import { tierByKey } from "./tiers";

/** Points for a purchase, rounded down once, after the multiplier (kept exact with integers). */
export function purchasePoints(total: number, amountPerPoint: number, multiplier: number): number {
  if (total <= 0) return 0;
  const hundredths = BigInt(Math.round(multiplier * 100));
  return Number((BigInt(total) * hundredths) / (BigInt(amountPerPoint) * 100n));
}

type PaidOrder = { customerId: string; orderId: string; total: number; currency: string };

export async function earnOnPaidOrder(event: DeliveredEvent<string, PaidOrder>, ctx: HookContext<LoyaltySettings>): Promise<void> {
  const { orderId, total, currency } = event.payload;
  const profile = await workspaceProfile(ctx);
  if (currency !== profile.currency) return;
  const customer = await liveCustomer(ctx, event.payload.customerId);
  if (!customer) return;
  if (await hasDedupeKey(ctx, `order:${orderId}`)) return;
  const member = await ensureMember(ctx, customer.id);
  const { settings } = ctx;
  const multiplier = tierByKey(settings.tiers, member.tier)?.multiplier ?? 1;
  const credits: NewEntry[] = [
    { customerId: customer.id, kind: "earn", rule: "purchase", points: purchasePoints(total, settings.amountPerPoint, multiplier), amount: total, sourceKind: "order", sourceId: orderId, dedupeKey: `order:${orderId}` },
  ];
  // The customer's figures count paid orders, this one included: 1 means it is their first.
  const firstPaidOrder = customer.orderCount <= 1;
  if (firstPaidOrder && settings.firstOrderBonus > 0) {
    credits.push({ customerId: customer.id, kind: "earn", rule: "first_order", points: settings.firstOrderBonus, sourceKind: "order", sourceId: orderId, dedupeKey: `first-order:${customer.id}` });
  }
  const referrer = firstPaidOrder && member.referredBy ? await liveCustomer(ctx, member.referredBy) : null;
  if (referrer && settings.newcomerReward > 0) {
    credits.push({ customerId: customer.id, kind: "earn", rule: "newcomer", points: settings.newcomerReward, sourceKind: "event", sourceId: event.id, dedupeKey: `referral:${customer.id}:newcomer` });
  }
  const plans = [await planCredits(ctx, member, credits, profile.locale)];
  if (referrer && referrer.id !== customer.id && settings.referrerReward > 0) {
    const referrerMember = await ensureMember(ctx, referrer.id);
    plans.push(
      await planCredits(
        ctx,
        referrerMember,
        [{ customerId: referrer.id, kind: "earn", rule: "referrer", points: settings.referrerReward, sourceKind: "event", sourceId: event.id, dedupeKey: `referral:${customer.id}:referrer`, reason: customer.id }],
        profile.locale,
      ),
    );
  }
  ctx.write(...plans.flatMap((plan) => plan.statements));
}
