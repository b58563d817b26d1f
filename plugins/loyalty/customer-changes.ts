// Core's merge and erasure do not know the club's tables, so the club follows them itself.
//   customer.merged: the merged member's entries, coupons, tier history and referrals move to the
//     survivor; the survivor's balance takes the merged one's (the sum of the moved entries), and
//     the higher of the two tiers.
//   customer.deleted: the person is erased: unused coupons are voided, the balance is forfeited
//     (an `adjust` entry, so the liability figure stays right), staff's free-text reasons are
//     blanked, the referral code and links are removed. The ledger's amounts stay, anonymous.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DeliveredEvent, HookContext, Statement } from "../../worker/plugin-api";
import { workspaceProfile } from "../../worker/plugin-api";
import { appendStatements, balanceIs, entryRow } from "./ledger";
import { ensureMember, findMember, liveCustomer } from "./members";
import { loyaltyCoupons, loyaltyLedger, loyaltyMembers, loyaltyTierChanges, loyaltyTotals } from "./schema";
import type { LoyaltySettings } from "./settings";
import { rankOf, tierChangeStatements } from "./tiers";

type Ctx = HookContext<LoyaltySettings>;

export async function followMerge(event: DeliveredEvent<string, { survivorId: string; mergedId: string }>, ctx: Ctx): Promise<void> {
  const { mergedId } = event.payload;
  const merged = await findMember(ctx, mergedId);
  if (!merged) return;
  const survivorCustomer = await liveCustomer(ctx, event.payload.survivorId);
  if (!survivorCustomer || survivorCustomer.id === mergedId) return;
  const survivorId = survivorCustomer.id;
  const survivor = await ensureMember(ctx, survivorId);
  const at = ctx.now();
  const ws = ctx.workspaceId;
  const movedFrom = <T extends { workspaceId: any; customerId: any }>(table: T) => and(eq(table.workspaceId, ws), eq(table.customerId, mergedId));
  const referredBy = [survivor.referredBy, merged.referredBy].find((id) => id && id !== survivorId && id !== mergedId) ?? null;

  const statements: Statement[] = [
    balanceIs(ctx, mergedId, merged.balance),
    balanceIs(ctx, survivorId, survivor.balance),
    ctx.db.update(loyaltyLedger).set({ customerId: survivorId }).where(movedFrom(loyaltyLedger)) as unknown as Statement,
    ctx.db.update(loyaltyCoupons).set({ customerId: survivorId }).where(movedFrom(loyaltyCoupons)) as unknown as Statement,
    ctx.db.update(loyaltyTierChanges).set({ customerId: survivorId }).where(movedFrom(loyaltyTierChanges)) as unknown as Statement,
    ctx.db
      .update(loyaltyMembers)
      .set({ referredBy: survivorId })
      .where(and(eq(loyaltyMembers.workspaceId, ws), eq(loyaltyMembers.referredBy, mergedId))) as unknown as Statement,
    ctx.db
      .update(loyaltyMembers)
      .set({ balance: survivor.balance + merged.balance, referredBy, referredAt: referredBy ? (survivor.referredAt ?? merged.referredAt) : null, updatedAt: at })
      .where(and(eq(loyaltyMembers.workspaceId, ws), eq(loyaltyMembers.customerId, survivorId))) as unknown as Statement,
    ctx.db.delete(loyaltyMembers).where(movedFrom(loyaltyMembers)) as unknown as Statement,
    ctx.db.update(loyaltyTotals).set({ members: sql`${loyaltyTotals.members} - 1`, updatedAt: at }).where(eq(loyaltyTotals.workspaceId, ws)) as unknown as Statement,
  ];
  const tiers = ctx.settings.tiers;
  if (rankOf(tiers, merged.tier) > rankOf(tiers, survivor.tier)) {
    const move = { customerId: survivorId, from: survivor.tier, to: merged.tier, cause: "merge" as const, value: 0, at };
    statements.push(...tierChangeStatements(ctx, move, (await workspaceProfile(ctx)).locale));
  }
  ctx.write(...statements);
}

export async function followErasure(event: DeliveredEvent<string, { customerId: string }>, ctx: Ctx): Promise<void> {
  const { customerId } = event.payload;
  const member = await findMember(ctx, customerId);
  if (!member || member.erasedAt !== null) return;
  const at = ctx.now();
  const ws = ctx.workspaceId;
  const statements: Statement[] = [balanceIs(ctx, customerId, member.balance)];
  if (member.balance > 0) {
    statements.push(...appendStatements(ctx, entryRow(ctx, { customerId, kind: "adjust", rule: "erasure", points: -member.balance, sourceKind: "rule", sourceId: event.id, at })));
  }
  statements.push(
    ctx.db
      .update(loyaltyCoupons)
      .set({ voidedAt: at })
      .where(and(eq(loyaltyCoupons.workspaceId, ws), eq(loyaltyCoupons.customerId, customerId), isNull(loyaltyCoupons.usedAt), isNull(loyaltyCoupons.voidedAt))) as unknown as Statement,
    ctx.db
      .update(loyaltyLedger)
      .set({ reason: null })
      .where(and(eq(loyaltyLedger.workspaceId, ws), eq(loyaltyLedger.customerId, customerId))) as unknown as Statement,
    ctx.db
      .update(loyaltyMembers)
      .set({ referredBy: null, referredAt: null })
      .where(and(eq(loyaltyMembers.workspaceId, ws), eq(loyaltyMembers.referredBy, customerId))) as unknown as Statement,
    ctx.db
      .update(loyaltyMembers)
      .set({ referralCode: null, referredBy: null, referredAt: null, balanceToken: null, erasedAt: at, updatedAt: at })
      .where(and(eq(loyaltyMembers.workspaceId, ws), eq(loyaltyMembers.customerId, customerId))) as unknown as Statement,
  );
  ctx.write(...statements);
}
