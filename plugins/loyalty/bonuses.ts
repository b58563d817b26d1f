// Bonuses for events: joining (every new customer becomes a member, with the signup bonus and,
// when they named a referral code, the link to their referrer) and answering a satisfaction
// survey. The birthday bonus is a daily run (birthdays.ts); the first-order and referral rewards
// come with the order (earning.ts).
import type { DeliveredEvent, HookContext } from "../../worker/plugin-api";
import { workspaceProfile } from "../../worker/plugin-api";
import { planCredits } from "./credits";
import type { NewEntry } from "./ledger";
import { ensureMember, liveCustomer } from "./members";
import { linkStatement, REFERRAL_ATTRIBUTE, referrerByCode } from "./referrals";
import type { LoyaltySettings } from "./settings";

export async function welcomeMember(event: DeliveredEvent<string, { customerId: string }>, ctx: HookContext<LoyaltySettings>): Promise<void> {
  const customer = await liveCustomer(ctx, event.payload.customerId);
  // Merged away already: the survivor is a member of their own.
  if (!customer || customer.id !== event.payload.customerId) return;
  const member = await ensureMember(ctx, customer.id);
  const statements = [];
  const code = customer.attributes[REFERRAL_ATTRIBUTE];
  const referrer = typeof code === "string" ? await referrerByCode(ctx, code) : null;
  if (referrer && referrer.customerId !== customer.id && member.referredBy === null) statements.push(linkStatement(ctx, customer.id, referrer.customerId, ctx.now()));
  if (ctx.settings.signupBonus > 0) {
    const credit: NewEntry = { customerId: customer.id, kind: "earn", rule: "signup", points: ctx.settings.signupBonus, sourceKind: "event", sourceId: event.id, dedupeKey: `signup:${customer.id}` };
    statements.push(...(await planCredits(ctx, member, [credit], (await workspaceProfile(ctx)).locale)).statements);
  }
  ctx.write(...statements);
}

/**
 * The bonus for a survey response. The hook point for an NPS plugin: once one declares an event
 * such as `nps.responded` with `{ customerId, responseId }`, add `"nps.responded": rewardSurveyResponse`
 * to this plugin's `on` (an `on` hook may only name events a registered plugin declares). Once
 * per response.
 */
export async function rewardSurveyResponse(event: DeliveredEvent<string, { customerId: string; responseId?: string }>, ctx: HookContext<LoyaltySettings>): Promise<void> {
  if (ctx.settings.npsResponseBonus === 0) return;
  const customer = await liveCustomer(ctx, event.payload.customerId);
  if (!customer) return;
  const member = await ensureMember(ctx, customer.id);
  const responseId = event.payload.responseId ?? event.id;
  const credit: NewEntry = { customerId: customer.id, kind: "earn", rule: "nps_response", points: ctx.settings.npsResponseBonus, sourceKind: "event", sourceId: event.id, dedupeKey: `nps:${responseId}` };
  ctx.write(...(await planCredits(ctx, member, [credit], (await workspaceProfile(ctx)).locale)).statements);
}
