// Referrals. Every member has a code of their own. A newcomer names it in one of two ways:
//   - when the customer is created through the API (a form, the till): the custom attribute
//     `referralCode`, checked by a `before` hook (an unknown code refuses the creation with 422 at
//     body.attributes.referralCode, so a typo is caught while the person is still there) and
//     stored in its canonical form; the `customer.created` hook then links the two;
//   - later, by staff: POST /members/{customerId}/referrer {"code"}, while the customer has not bought.
// Both the referrer and the newcomer get their reward on the newcomer's first paid order, once
// (see earning.ts).
import { and, eq, isNull, sql } from "drizzle-orm";
import { HookRejection, type PluginContext, type Statement } from "../../worker/plugin-api";
import { normalizeCode } from "./codes";
import { findMember, findMemberByReferralCode, type MemberRow } from "./members";
import { loyaltyLedger, loyaltyMembers } from "./schema";
import type { LoyaltySettings } from "./settings";
import { refusals } from "./texts";

export const REFERRAL_ATTRIBUTE = "referralCode";

/** A member's own code to hand to friends (`customerFacts.referralCode`); null for a customer who is not a member or was erased. */
export async function memberReferralCode(customerId: string, ctx: PluginContext<unknown>): Promise<string | null> {
  const member = await findMember(ctx, customerId);
  return member && member.erasedAt === null ? member.referralCode : null;
}

/** The referrer a typed code names, or why it names none. */
export async function referrerByCode(ctx: PluginContext<LoyaltySettings>, typed: string): Promise<MemberRow | null> {
  const code = normalizeCode(typed, 8);
  if (!code) return null;
  const member = await findMemberByReferralCode(ctx, code);
  return member && member.erasedAt === null ? member : null;
}

/** `before customer.created`: an unknown referral code is refused; a known one is kept in its canonical form. */
export async function checkReferralCode<I extends { attributes: Record<string, string | number | boolean | null> }>(input: I, ctx: PluginContext<LoyaltySettings>): Promise<I> {
  const typed = input.attributes?.[REFERRAL_ATTRIBUTE];
  if (typed === undefined || typed === null || typed === "") return input;
  const referrer = typeof typed === "string" ? await referrerByCode(ctx, typed) : null;
  if (!referrer) throw new HookRejection(refusals.unknownReferralCode, `attributes.${REFERRAL_ATTRIBUTE}`);
  return { ...input, attributes: { ...input.attributes, [REFERRAL_ATTRIBUTE]: referrer.referralCode } };
}

/** Links the newcomer to the referrer, unless already linked (the statement changes nothing then). */
export function linkStatement(ctx: PluginContext<unknown>, newcomerId: string, referrerId: string, at: number): Statement {
  return ctx.db
    .update(loyaltyMembers)
    .set({ referredBy: referrerId, referredAt: at, updatedAt: at })
    .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), eq(loyaltyMembers.customerId, newcomerId), isNull(loyaltyMembers.referredBy))) as unknown as Statement;
}

/** Has the customer earned from a purchase here already (then they are no newcomer)? */
export async function hasPurchased(ctx: PluginContext<unknown>, customerId: string): Promise<boolean> {
  const row = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(loyaltyLedger)
    .where(and(eq(loyaltyLedger.workspaceId, ctx.workspaceId), eq(loyaltyLedger.customerId, customerId), eq(loyaltyLedger.rule, "purchase")))
    .get();
  return Number(row?.n ?? 0) > 0;
}
