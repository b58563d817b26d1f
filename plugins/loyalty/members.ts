// Members of the club: every customer with a row here, made on their first loyalty activity (signup
// while the club is on, a purchase, a bonus, an adjustment). A member starts in the lowest tier
// with a referral code of their own.
import { and, eq, sql } from "drizzle-orm";
import { customersTable, newId, type PluginContext } from "../../worker/plugin-api";
import { loyaltyMembers, loyaltyTotals } from "./schema";
import { newReferralCode } from "./codes";
import type { LoyaltySettings } from "./settings";

export type MemberRow = typeof loyaltyMembers.$inferSelect;
type Ctx = PluginContext<LoyaltySettings>;

export interface LiveCustomer {
  id: string;
  displayName: string;
  birthday: string | null;
  orderCount: number;
  attributes: Record<string, string | number | boolean | null>;
}

/**
 * The live customer an event or request names: a customer merged away stands for the one it was
 * merged into; an erased or unknown one is null.
 */
export async function liveCustomer(ctx: Ctx, customerId: string): Promise<LiveCustomer | null> {
  let id = customerId;
  for (let hop = 0; hop < 5; hop++) {
    const row = await ctx.db
      .select({
        id: customersTable.id,
        displayName: customersTable.displayName,
        birthday: customersTable.birthday,
        orderCount: customersTable.orderCount,
        attributes: customersTable.attributes,
        mergedInto: customersTable.mergedInto,
        erasedAt: customersTable.erasedAt,
      })
      .from(customersTable)
      .where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, id)))
      .get();
    if (!row || row.erasedAt !== null) return null;
    if (row.mergedInto === null) return { id: row.id, displayName: row.displayName, birthday: row.birthday, orderCount: row.orderCount, attributes: row.attributes };
    id = row.mergedInto;
  }
  return null;
}

export const memberQuery = (ctx: PluginContext<unknown>, customerId: string) =>
  ctx.db
    .select()
    .from(loyaltyMembers)
    .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), eq(loyaltyMembers.customerId, customerId)));

export async function findMember(ctx: PluginContext<unknown>, customerId: string): Promise<MemberRow | null> {
  return (await memberQuery(ctx, customerId).get()) ?? null;
}

export async function findMemberByReferralCode(ctx: PluginContext<unknown>, code: string): Promise<MemberRow | null> {
  const row = await ctx.db
    .select()
    .from(loyaltyMembers)
    .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), eq(loyaltyMembers.referralCode, code)))
    .get();
  return row ?? null;
}

/**
 * The customer's member row, made if missing. Safe to repeat and to race: the insert does nothing
 * when the row exists, and the members count moves only when this call's own row went in.
 */
export async function ensureMember(ctx: Ctx, customerId: string): Promise<MemberRow> {
  const existing = await findMember(ctx, customerId);
  if (existing) return existing;
  for (let attempt = 0; attempt < 4; attempt++) {
    const at = ctx.now();
    const id = newId("lmb", at);
    await ctx.db.batch([
      // A clash on the referral code (one in a trillion) also does nothing: the next attempt draws another.
      ctx.db
        .insert(loyaltyMembers)
        .values({ id, workspaceId: ctx.workspaceId, customerId, balance: 0, tier: ctx.settings.tiers[0]!.key, tierSince: at, referralCode: newReferralCode(), createdAt: at, updatedAt: at })
        .onConflictDoNothing(),
      ctx.db
        .insert(loyaltyTotals)
        .values({ workspaceId: ctx.workspaceId, members: sql`(select count(*) from ${loyaltyMembers} where ${loyaltyMembers.workspaceId} = ${ctx.workspaceId} and ${loyaltyMembers.id} = ${id})`, updatedAt: at })
        .onConflictDoUpdate({ target: loyaltyTotals.workspaceId, set: { members: sql`${loyaltyTotals.members} + excluded.members`, updatedAt: at } }),
    ]);
    const made = await findMember(ctx, customerId);
    if (made) return made;
  }
  throw new Error(`loyalty: could not enrol customer ${customerId}`);
}
