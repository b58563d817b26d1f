// Putting sends in the queue: one per paid order (for each after-order survey, due N days later),
// and who a campaign's audience is (see campaign-chunks.ts for how it is walked).
import { and, eq, isNull, sql } from "drizzle-orm";
import { customersTable, newId, segmentCondition, type PluginContext, type Statement } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { npsCampaigns, npsSends } from "./schema";
import type { NpsSettings } from "./settings";
import type { SurveyRow } from "./surveys";

type Ctx = PluginContext<NpsSettings, NpsEvents>;
const DAY = 86_400_000;

/** An unguessable token: 128 random bits, hex. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The queued send for a paid order; a second delivery of the event (or a second payment) adds nothing. */
export function queueAfterOrder(ctx: Ctx, survey: SurveyRow, customerId: string, orderId: string, paidAt: number): Statement {
  const at = ctx.now();
  return ctx.db
    .insert(npsSends)
    .values({ id: newId("nsd", at), workspaceId: ctx.workspaceId, surveyId: survey.id, customerId, token: newToken(), orderId, status: "queued", dueAt: paidAt + survey.delayDays * DAY, createdAt: at, updatedAt: at })
    .onConflictDoNothing();
}

export type CampaignRow = typeof npsCampaigns.$inferSelect;

/** Who a campaign asks: live customers with consent for the channel, in the segment when one is named. */
export async function audienceCondition(ctx: Ctx, channel: "sms" | "email", segmentId: string | null) {
  const consent = channel === "sms" ? eq(customersTable.consentSms, "granted") : eq(customersTable.consentEmail, "granted");
  const live = and(eq(customersTable.workspaceId, ctx.workspaceId), isNull(customersTable.mergedInto), isNull(customersTable.erasedAt));
  if (segmentId === null) return { live, consent };
  const segment = await segmentCondition(ctx, segmentId);
  if (!segment) return null;
  return { live: and(live, segment.condition)!, consent };
}

export async function audienceCount(ctx: Ctx, channel: "sms" | "email", segmentId: string | null): Promise<{ recipients: number; withConsent: number } | null> {
  const audience = await audienceCondition(ctx, channel, segmentId);
  if (!audience) return null;
  const row = await ctx.db
    .select({ all: sql<number>`count(*)`, consent: sql<number>`sum(case when ${audience.consent} then 1 else 0 end)` })
    .from(customersTable)
    .where(audience.live)
    .get();
  return { recipients: Number(row?.all ?? 0), withConsent: Number(row?.consent ?? 0) };
}
