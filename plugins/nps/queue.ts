// Putting sends in the queue: one per paid order (for each after-order survey, due N days later),
// and a campaign's audience, a chunk at a time (one query picks the chunk's customers, one
// statement queues them, or records them as skipped when asked within the throttle).
import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { customersTable, newId, segmentCondition, type PluginContext, type Statement } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { npsCampaigns, npsCustomers, npsSends, npsSurveys } from "./schema";
import type { NpsSettings } from "./settings";
import type { SurveyRow } from "./surveys";

type Ctx = PluginContext<NpsSettings, NpsEvents>;
const DAY = 86_400_000;
export const CAMPAIGN_CHUNK = 500;

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

export async function createCampaign(ctx: Ctx, survey: SurveyRow, segmentId: string | null, notBefore: number, audit: Statement): Promise<CampaignRow> {
  const at = ctx.now();
  const row: CampaignRow = { id: newId("ncp", at), workspaceId: ctx.workspaceId, surveyId: survey.id, segmentId, notBefore, cursor: null, status: "running", queued: 0, skipped: 0, createdAt: at, updatedAt: at };
  await ctx.db.batch([ctx.db.insert(npsCampaigns).values(row), audit]);
  return row;
}

/** Queues the campaign's next chunk; returns false once it has walked its whole audience. */
export async function queueCampaignChunk(ctx: Ctx, campaign: CampaignRow, survey: SurveyRow, chunk = CAMPAIGN_CHUNK): Promise<boolean> {
  const mine = and(eq(npsCampaigns.workspaceId, ctx.workspaceId), eq(npsCampaigns.id, campaign.id));
  const audience = await audienceCondition(ctx, survey.channel, campaign.segmentId);
  if (!audience) {
    await ctx.db.update(npsCampaigns).set({ status: "done", updatedAt: ctx.now() }).where(mine);
    return false;
  }
  const after = campaign.cursor ? gt(customersTable.id, campaign.cursor) : undefined;
  const ids = await ctx.db
    .select({ id: customersTable.id })
    .from(customersTable)
    .where(and(audience.live, audience.consent, after))
    .orderBy(asc(customersTable.id))
    .limit(chunk);
  if (ids.length === 0) {
    await ctx.db.update(npsCampaigns).set({ status: "done", updatedAt: ctx.now() }).where(mine);
    return false;
  }
  const last = ids[ids.length - 1]!.id;
  const at = ctx.now();
  const throttledSince = at - ctx.settings.throttleDays * DAY;
  const throttled = sql`exists (select 1 from ${npsCustomers} where ${npsCustomers.workspaceId} = ${ctx.workspaceId} and ${npsCustomers.customerId} = ${customersTable.id} and ${npsCustomers.lastAskedAt} > ${throttledSince})`;
  const range = and(audience.live, audience.consent, after, lte(customersTable.id, last));
  // One statement for the whole chunk: ids and tokens are made by SQLite (random, 128 bits). Run
  // again after a cut-short run, it adds nothing (one send per campaign and customer).
  await ctx.db.run(sql`insert or ignore into ${npsSends} (id, workspace_id, survey_id, customer_id, token, campaign_id, status, skip_reason, due_at, created_at, updated_at)
      select 'nsd_' || lower(hex(randomblob(12))), ${ctx.workspaceId}, ${survey.id}, ${customersTable.id}, lower(hex(randomblob(16))), ${campaign.id},
        case when ${throttled} then 'skipped' else 'queued' end, case when ${throttled} then 'throttled' else null end, ${campaign.notBefore}, ${at}, ${at}
      from ${customersTable} where ${range}`);
  await ctx.db
      .update(npsCampaigns)
      .set({
        cursor: last,
        queued: sql`(select count(*) from ${npsSends} where ${npsSends.workspaceId} = ${ctx.workspaceId} and ${npsSends.campaignId} = ${campaign.id} and ${npsSends.status} <> 'skipped')`,
        skipped: sql`(select count(*) from ${npsSends} where ${npsSends.workspaceId} = ${ctx.workspaceId} and ${npsSends.campaignId} = ${campaign.id} and ${npsSends.skipReason} = 'throttled')`,
        status: ids.length < chunk ? "done" : "running",
        updatedAt: at,
      })
      .where(mine);
  campaign.cursor = last;
  return ids.length === chunk;
}

/** The oldest running campaign with its survey, for the schedule to carry on. */
export async function runningCampaign(ctx: Ctx) {
  return ctx.db
    .select({ campaign: npsCampaigns, survey: npsSurveys })
    .from(npsCampaigns)
    .innerJoin(npsSurveys, and(eq(npsSurveys.workspaceId, npsCampaigns.workspaceId), eq(npsSurveys.id, npsCampaigns.surveyId)))
    .where(and(eq(npsCampaigns.workspaceId, ctx.workspaceId), eq(npsCampaigns.status, "running")))
    .orderBy(asc(npsCampaigns.id))
    .limit(1)
    .get();
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
