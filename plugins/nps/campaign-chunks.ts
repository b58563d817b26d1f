// A send to a saved segment (or everyone with consent), now or at a local time, walked in chunks
// on the jobs queue. A chunk job carries the cursor it starts after: it queues the next few
// customers of the audience (one statement; those asked within the throttle are recorded as
// skipped), asks them (ask.ts), queues the next chunk, then in one batch records what became of
// each, adds it to the campaign's progress and moves the cursor on only if it is still the one the
// job started after (compare-and-set). A next chunk that arrives before this one is saved is handed
// back to the queue. So a chunk delivered twice, or run again after a crash, sends nothing twice
// (one send per campaign and customer, one message per send) and counts nothing twice. A paused survey holds its campaign; the hourly run carries on a campaign
// whose chain went quiet (lost, or held by a pause since lifted).
import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import { customersTable, newId, type PluginContext, type Statement } from "../../worker/plugin-api";
import { askSends, sendsPerChunk, sentToday, type DueSend } from "./ask";
import type { NpsEvents } from "./events";
import { audienceCondition } from "./queue";
import { npsCampaigns, npsCustomers, npsSends, npsSurveys } from "./schema";
import type { NpsSettings } from "./settings";
import type { SurveyRow } from "./surveys";

type Ctx = PluginContext<NpsSettings, NpsEvents>;
export type CampaignRow = typeof npsCampaigns.$inferSelect;

export const CHUNK_JOB = "campaign-chunk";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The jobs queue delays a message 12 hours at most: a later start is waited for in steps. */
const MAX_DELAY_SECONDS = 12 * 3600;
/** A running campaign that has not moved for this long lost its chain: the hourly run queues it again. */
export const STALL_MS = 10 * 60_000;

const campaignWhere = (ctx: Ctx, id: string) => and(eq(npsCampaigns.workspaceId, ctx.workspaceId), eq(npsCampaigns.id, id));

function delayUntil(ctx: Ctx, at: number): { delaySeconds: number } | undefined {
  const seconds = Math.ceil((at - ctx.now()) / 1000);
  return seconds > 0 ? { delaySeconds: Math.min(MAX_DELAY_SECONDS, seconds) } : undefined;
}

/** Queries a request spends before it runs a campaign's first chunk itself (session, plugin, survey, audience, the campaign's write). */
export const REQUEST_QUERIES = 15;

/**
 * Makes the campaign (with its audience at this moment). Sent now, the request runs its first
 * chunk itself (with what its D1 queries leave), which queues the next; later, the first chunk is
 * queued for `notBefore`. Should the request stop in between, the hourly run carries it on.
 */
export async function startCampaign(ctx: Ctx, survey: SurveyRow, segmentId: string | null, notBefore: number, audience: number, audit: Statement): Promise<CampaignRow> {
  const at = ctx.now();
  const row: CampaignRow = { id: newId("ncp", at), workspaceId: ctx.workspaceId, surveyId: survey.id, segmentId, notBefore, cursor: null, status: "running", audience, queued: 0, sent: 0, deferred: 0, failed: 0, skipped: 0, skipReasons: {}, createdAt: at, updatedAt: at };
  await ctx.db.batch([ctx.db.insert(npsCampaigns).values(row), audit]);
  if (notBefore > at) await ctx.enqueue(CHUNK_JOB, { campaignId: row.id, after: null }, delayUntil(ctx, notBefore));
  else await runCampaignChunk({ campaignId: row.id, after: null }, ctx, REQUEST_QUERIES);
  return (await campaignWithSurvey(ctx, row.id))?.campaign ?? row;
}

async function campaignWithSurvey(ctx: Ctx, campaignId: string) {
  return ctx.db
    .select({ campaign: npsCampaigns, survey: npsSurveys })
    .from(npsCampaigns)
    .innerJoin(npsSurveys, and(eq(npsSurveys.workspaceId, npsCampaigns.workspaceId), eq(npsSurveys.id, npsCampaigns.surveyId)))
    .where(campaignWhere(ctx, campaignId))
    .get();
}

/** Queues the page (after, last] of the audience: one send per customer, skipped at once when asked within the throttle. */
function queuePage(ctx: Ctx, campaign: CampaignRow, survey: SurveyRow, range: ReturnType<typeof and>) {
  const at = ctx.now();
  const throttledSince = at - ctx.settings.throttleDays * DAY;
  const throttled = sql`exists (select 1 from ${npsCustomers} where ${npsCustomers.workspaceId} = ${ctx.workspaceId} and ${npsCustomers.customerId} = ${customersTable.id} and ${npsCustomers.lastAskedAt} > ${throttledSince})`;
  // Ids and tokens made by SQLite (random; the token 128 bits). Run again, it adds nothing.
  return ctx.db.run(sql`insert or ignore into ${npsSends} (id, workspace_id, survey_id, customer_id, token, campaign_id, status, skip_reason, due_at, created_at, updated_at)
      select 'nsd_' || lower(hex(randomblob(12))), ${ctx.workspaceId}, ${survey.id}, ${customersTable.id}, lower(hex(randomblob(16))), ${campaign.id},
        case when ${throttled} then 'skipped' else 'queued' end, case when ${throttled} then 'throttled' else null end, ${campaign.notBefore}, ${at}, ${at}
      from ${customersTable} where ${range}`);
}

/** The campaign's sends for the page, with when each customer was last asked. */
function sendsOfPage(ctx: Ctx, campaign: CampaignRow, survey: SurveyRow, after: string | null, last: string): Promise<DueSend[]> {
  return ctx.db
    .select({ send: npsSends, lastAskedAt: npsCustomers.lastAskedAt })
    .from(npsSends)
    .leftJoin(npsCustomers, and(eq(npsCustomers.workspaceId, npsSends.workspaceId), eq(npsCustomers.customerId, npsSends.customerId)))
    .where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.campaignId, campaign.id), after === null ? undefined : gt(npsSends.customerId, after), lte(npsSends.customerId, last)))
    .then((rows) => rows.map((row) => ({ ...row, survey })));
}

type Progress = Pick<CampaignRow, "queued" | "sent" | "deferred" | "failed" | "skipped" | "skipReasons">;

/** The campaign's progress with a chunk's outcomes added. */
function withOutcomes(campaign: CampaignRow, outcomes: Array<{ outcome: string; reason: string | null }>): Progress {
  const progress: Progress = { queued: campaign.queued + outcomes.length, sent: campaign.sent, deferred: campaign.deferred, failed: campaign.failed, skipped: campaign.skipped, skipReasons: { ...campaign.skipReasons } };
  for (const { outcome, reason } of outcomes) {
    if (outcome === "sent") progress.sent += 1;
    else if (outcome === "deferred") progress.deferred += 1;
    else if (outcome === "failed") progress.failed += 1;
    else if (outcome === "skipped") {
      progress.skipped += 1;
      const key = reason ?? "unknown";
      progress.skipReasons[key] = (progress.skipReasons[key] ?? 0) + 1;
    }
  }
  return progress;
}

/** One chunk: `after` is the customer id the chunk starts after (null: the audience's start); `spent`, the invocation's queries before it. */
export async function runCampaignChunk(payload: Record<string, unknown>, ctx: Ctx, spent = 0): Promise<void> {
  const campaignId = typeof payload.campaignId === "string" ? payload.campaignId : "";
  const after = typeof payload.after === "string" ? payload.after : null;
  const found = await campaignWithSurvey(ctx, campaignId);
  // Done; or another delivery of this chunk already moved the campaign on.
  if (!found || found.campaign.status !== "running" || isPast(found.campaign.cursor, after)) return;
  // Queued by a chunk still saving its work (another consumer runs it): the queue brings it back.
  if (found.campaign.cursor !== after) throw new Error(`NPS campaign ${campaignId}: chunk after ${after} came before the chunk ahead of it was saved`);
  const { campaign, survey } = found;
  // Too early (a start more than the queue's longest delay away): the hourly run queues it in time.
  if (campaign.notBefore > ctx.now()) return;
  // Held while the survey is paused; the hourly run carries it on once it is active again.
  if (!survey.active) return;
  const limit = sendsPerChunk(ctx.env, spent);
  const audience = await audienceCondition(ctx, survey.channel, campaign.segmentId);
  const fromCursor = after === null ? undefined : gt(customersTable.id, after);
  const ids = audience
    ? await ctx.db.select({ id: customersTable.id }).from(customersTable).where(and(audience.live, audience.consent, fromCursor)).orderBy(asc(customersTable.id)).limit(limit)
    : [];
  const last = ids.at(-1)?.id ?? after;
  let sends: DueSend[] = [];
  if (audience && last !== null && ids.length > 0) {
    await queuePage(ctx, campaign, survey, and(audience.live, audience.consent, fromCursor, lte(customersTable.id, last)));
    sends = await sendsOfPage(ctx, campaign, survey, after, last);
  }
  const queued = sends.filter((entry) => entry.send.status === "queued");
  const { asked, writes } = queued.length ? await askSends(ctx, queued, { sentToday: await sentToday(ctx) }) : { asked: [], writes: [] };
  // What became of every customer of the page: asked now, or settled before (skipped at queueing).
  const settled = sends.filter((entry) => entry.send.status !== "queued").map((entry) => ({ outcome: entry.send.status, reason: entry.send.skipReason }));
  const finished = ids.length < limit;
  const at = ctx.now();
  const move = ctx.db
    .update(npsCampaigns)
    .set({ cursor: last, ...withOutcomes(campaign, [...settled, ...asked]), status: finished ? "done" : "running", updatedAt: at })
    .where(and(campaignWhere(ctx, campaign.id), eq(npsCampaigns.status, "running"), after === null ? sql`${npsCampaigns.cursor} is null` : eq(npsCampaigns.cursor, after)));
  // The next chunk is queued before this one is saved: should saving fail, the queue retries this
  // chunk (which asks nobody twice) instead of leaving the campaign moved on with nothing queued.
  if (!finished) await ctx.enqueue(CHUNK_JOB, { campaignId: campaign.id, after: last });
  // The writes apply only to sends still queued, so a second delivery that loses the compare-and-set changes nothing.
  await ctx.db.batch([move, ...writes]);
}

/** Whether the campaign's cursor is already past `after` (customers are walked in id order; null is the start). */
function isPast(cursor: string | null, after: string | null): boolean {
  if (cursor === null) return false;
  return after === null || cursor > after;
}

/**
 * The hourly run's part: a running campaign of an active survey that has not moved for a while
 * (its chain lost, a pause lifted, or a start more than 12 hours off when it was made) is queued
 * again, delayed to its start when that comes within the hour.
 */
export async function carryOnCampaigns(ctx: Ctx): Promise<void> {
  const at = ctx.now();
  const stalled = await ctx.db
    .select({ id: npsCampaigns.id, cursor: npsCampaigns.cursor, notBefore: npsCampaigns.notBefore, updatedAt: npsCampaigns.updatedAt })
    .from(npsCampaigns)
    .innerJoin(npsSurveys, and(eq(npsSurveys.workspaceId, npsCampaigns.workspaceId), eq(npsSurveys.id, npsCampaigns.surveyId)))
    .where(and(eq(npsCampaigns.workspaceId, ctx.workspaceId), eq(npsCampaigns.status, "running"), lte(npsCampaigns.notBefore, at + HOUR), lte(npsCampaigns.updatedAt, at - STALL_MS), eq(npsSurveys.active, true)))
    .orderBy(asc(npsCampaigns.id))
    .limit(5);
  for (const campaign of stalled) {
    // Touched first (compare-and-set), so two runs do not both queue it.
    const touched = await ctx.db.update(npsCampaigns).set({ updatedAt: at }).where(and(campaignWhere(ctx, campaign.id), eq(npsCampaigns.updatedAt, campaign.updatedAt))).returning({ id: npsCampaigns.id });
    if (touched.length === 1) await ctx.enqueue(CHUNK_JOB, { campaignId: campaign.id, after: campaign.cursor }, delayUntil(ctx, campaign.notBefore));
  }
}

/** The workspace's latest campaigns, newest first. */
export function latestCampaigns(ctx: Ctx, limit: number): Promise<CampaignRow[]> {
  return ctx.db.select().from(npsCampaigns).where(eq(npsCampaigns.workspaceId, ctx.workspaceId)).orderBy(desc(npsCampaigns.id)).limit(limit);
}

export function presentCampaign(row: CampaignRow) {
  return {
    id: row.id,
    surveyId: row.surveyId,
    segmentId: row.segmentId,
    notBefore: new Date(row.notBefore).toISOString(),
    status: row.status,
    audience: row.audience,
    queued: row.queued,
    sent: row.sent,
    deferred: row.deferred,
    failed: row.failed,
    skipped: row.skipped,
    skipReasons: row.skipReasons,
  };
}
