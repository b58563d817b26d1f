// Reversal on refund, in proportion: after refunds totalling R of an order of total T that earned
// P points, floor(P × R ÷ T) of them are taken back in all (all of them on a full refund). Refund
// events carry the running refunded total, so each reversal takes only what earlier ones did not,
// and an event repeated or arriving late changes nothing more.
//
// Policy when the member already spent the points: the balance never goes below zero. A reversal
// takes what the balance holds; the rest is recorded on the entry as its `shortfall` (counted as
// reversed for later refunds of the order, never collected). Bonuses (first order, referral) stay.
import { and, eq, sql } from "drizzle-orm";
import type { DeliveredEvent, HookContext } from "../../worker/plugin-api";
import { appendStatements, balanceIs, entryByDedupeKey, entryRow, stillTrue } from "./ledger";
import { findMember } from "./members";
import { loyaltyLedger } from "./schema";
import type { LoyaltySettings } from "./settings";

type RefundedOrder = { customerId: string; orderId: string; refundedTotal: number; total: number; currency: string; full: boolean };

/** Points to take back in all after refunds totalling `refunded` of an order of `total` that earned `earned`. */
export function reversalTarget(earned: number, total: number, refunded: number, full: boolean): number {
  if (full || refunded >= total) return earned;
  if (total <= 0 || refunded <= 0) return 0;
  return Number((BigInt(earned) * BigInt(refunded)) / BigInt(total));
}

export async function reverseOnRefund(event: DeliveredEvent<string, RefundedOrder>, ctx: HookContext<LoyaltySettings>): Promise<void> {
  const { orderId, refundedTotal, total, full } = event.payload;
  const earn = await entryByDedupeKey(ctx, `order:${orderId}`);
  if (!earn) return; // the order earned nothing here (another currency, or before the club was on)
  const member = await findMember(ctx, earn.customerId);
  if (!member || member.erasedAt !== null) return;

  const ofOrder = and(eq(loyaltyLedger.workspaceId, ctx.workspaceId), eq(loyaltyLedger.sourceKind, "order"), eq(loyaltyLedger.sourceId, orderId), eq(loyaltyLedger.kind, "reverse"));
  const accounted = sql<number>`coalesce(sum(-${loyaltyLedger.points} + ${loyaltyLedger.shortfall}), 0)`;
  const refundedSoFar = sql<number>`coalesce(sum(-${loyaltyLedger.amount}), 0)`;
  const done = await ctx.db.select({ points: accounted, amount: refundedSoFar }).from(loyaltyLedger).where(ofOrder).get();
  const alreadyPoints = Number(done?.points ?? 0);
  const alreadyAmount = Number(done?.amount ?? 0);

  const owed = reversalTarget(earn.points, total, refundedTotal, full) - alreadyPoints;
  const refundedNow = Math.max(0, Math.min(refundedTotal, earn.amount) - alreadyAmount);
  if (owed <= 0 && refundedNow === 0) return;
  const taken = Math.min(Math.max(owed, 0), member.balance);
  const row = entryRow(ctx, {
    customerId: member.customerId,
    kind: "reverse",
    rule: "refund",
    points: -taken,
    shortfall: Math.max(owed, 0) - taken,
    amount: -refundedNow,
    sourceKind: "order",
    sourceId: orderId,
    reason: `${refundedTotal}/${total}`,
  });
  ctx.write(
    // What was read is what the batch finds, or it fails and the delivery is tried again.
    stillTrue(ctx, sql`(select ${accounted} from ${loyaltyLedger} where ${ofOrder}) = ${alreadyPoints}`, "refunds of the order"),
    balanceIs(ctx, member.customerId, member.balance),
    ...appendStatements(ctx, row),
  );
}
