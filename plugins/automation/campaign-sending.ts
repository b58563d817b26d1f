// Sending a campaign, in chunks on the jobs queue. A chunk job carries the cursor it starts after;
// it sends to the next few customers of the audience (as many as the invocation's D1 queries
// allow), queues the next chunk, then records each recipient and moves the campaign's cursor on
// only if it is still the one the job started after (compare-and-set). The next chunk is queued
// before the cursor moves, so no failure can leave a campaign moved on with nothing queued: a
// chunk that fails at any point is retried by the queue from its own cursor. So a chunk delivered
// twice sends nothing more (its cursor is stale, and every message's idempotency key is the
// campaign and the customer), a chunk that arrives before the one ahead of it is saved waits for
// it, pausing stops at the next chunk, and a campaign whose chain was lost (a chunk that failed
// every attempt) is picked up again by the minute schedule.
import { and, eq, lte, sql } from "drizzle-orm";
import { refusalCode, type PluginContext, type SendResult } from "../../worker/plugin-api";
import { audienceCondition, audienceCount, audiencePage } from "./campaign-audience";
import { automationCampaignRecipients as recipients, automationCampaigns as campaigns } from "./schema";

export const CHUNK_JOB = "campaign-chunk";

/** D1 queries one send takes at most (the customer, the key, consent and caps, the message rows). */
const QUERIES_PER_SEND = 8;
/** The chunk's own queries: the job's start (plugins, workspace), the campaign, the segment, the page, the write, events. */
const QUERIES_PER_CHUNK = 10;
/** A sending campaign that has not moved for this long lost its chain: the minute schedule queues it again. */
export const STALL_MS = 5 * 60_000;

/** Recipients per chunk: what the plan's D1 queries per invocation allow (50 on the Free plan). */
export function chunkSize(env: Env): number {
  const budget = Number((env as unknown as Record<string, unknown>).D1_QUERIES_PER_INVOCATION) || 50;
  return Math.max(1, Math.min(100, Math.floor((budget - QUERIES_PER_CHUNK) / QUERIES_PER_SEND)));
}

type Campaign = typeof campaigns.$inferSelect;

const campaignWhere = (ctx: PluginContext<unknown>, id: string) => and(eq(campaigns.workspaceId, ctx.workspaceId), eq(campaigns.id, id));

/** What became of one recipient: core's answer, or a message core refused to make for this customer (no message). */
type Outcome = SendResult | { status: "failed"; messageId: null; error: string };

function recipientRow(ctx: PluginContext<unknown>, campaignId: string, customerId: string, result: Outcome) {
  const status = result.status;
  const reason = result.status === "skipped" ? result.reason : result.status === "failed" ? result.error.slice(0, 500) : null;
  return { workspaceId: ctx.workspaceId, campaignId, customerId, messageId: result.messageId, status, reason, createdAt: ctx.now() };
}

/**
 * One recipient. A customer core refuses a message for (the text's {firstName} and an organization
 * without one) fails alone: thrown, it would fail the chunk on every attempt and hold the campaign
 * at that customer for good. Anything else (D1 unavailable) is thrown, so the queue retries the chunk.
 */
async function sendTo(ctx: PluginContext<unknown>, campaign: Campaign, customerId: string): Promise<Outcome> {
  try {
    return await send(ctx, campaign, customerId);
  } catch (error) {
    const refused = refusalCode(error);
    if (refused === null) throw error;
    return { status: "failed", messageId: null, error: refused };
  }
}

function send(ctx: PluginContext<unknown>, campaign: Campaign, customerId: string): Promise<SendResult> {
  return ctx.messaging.send({
    customerId,
    channel: campaign.channel,
    purpose: "marketing",
    ...(campaign.template ? { template: campaign.template } : { body: campaign.body! }),
    ...(campaign.subject ? { subject: campaign.subject } : {}),
    ...(campaign.link ? { link: { url: campaign.link } } : {}),
    idempotencyKey: `campaign:${campaign.id}:${customerId}`,
  });
}

/** One chunk: `after` is the cursor the chunk starts after (null: the audience's start). */
export async function runCampaignChunk(payload: Record<string, unknown>, ctx: PluginContext<unknown>): Promise<void> {
  const campaignId = String(payload.campaignId ?? "");
  const after = typeof payload.after === "string" ? payload.after : null;
  const campaign = await ctx.db.select().from(campaigns).where(campaignWhere(ctx, campaignId)).get();
  // Paused, cancelled or done; or another delivery of this chunk already moved the campaign on.
  if (!campaign || campaign.status !== "sending" || isPast(campaign.cursor, after)) return;
  // Queued by a chunk still saving its work (another consumer runs it): the queue brings it back.
  if (campaign.cursor !== after) throw new Error(`campaign ${campaign.id}: chunk after ${after} came before the chunk ahead of it was saved`);
  const condition = await audienceCondition(ctx, campaign);
  const limit = chunkSize(ctx.env);
  const ids = condition ? await audiencePage(ctx, condition, after, limit) : [];
  const results: Array<{ customerId: string; result: Outcome }> = [];
  for (const customerId of ids) results.push({ customerId, result: await sendTo(ctx, campaign, customerId) });

  const last = ids.at(-1) ?? after;
  const finished = ids.length < limit;
  const time = ctx.now();
  const rows = results.map(({ customerId, result }) => recipientRow(ctx, campaign.id, customerId, result));
  // Queued first: should saving fail, the retry of this chunk sends nothing twice and queues it again,
  // and a second copy of the next chunk finds the campaign moved past it.
  if (!finished) await ctx.enqueue(CHUNK_JOB, { campaignId: campaign.id, after: last });
  await ctx.db.batch([
    rows.length ? ctx.db.insert(recipients).values(rows).onConflictDoNothing() : ctx.db.select({ one: sql`1` }).from(sql`(select 1)`),
    ctx.db
      .update(campaigns)
      .set({ cursor: last, chunks: sql`${campaigns.chunks} + 1`, progressAt: time, updatedAt: time, ...(finished ? { status: "done" as const, finishedAt: time } : {}) })
      .where(and(campaignWhere(ctx, campaign.id), eq(campaigns.status, "sending"), after === null ? sql`${campaigns.cursor} is null` : eq(campaigns.cursor, after))),
  ]);
}

/** Whether the campaign's cursor is already past `after` (customers are walked in id order; null is the start). */
function isPast(cursor: string | null, after: string | null): boolean {
  if (cursor === null) return false;
  return after === null || cursor > after;
}

/** Starts sending: the first chunk is queued; `targeted` is fixed to the audience of this moment by the caller. */
export async function startCampaign(ctx: PluginContext<unknown>, campaignId: string, targeted: number): Promise<boolean> {
  const time = ctx.now();
  const started = await ctx.db
    .update(campaigns)
    .set({ status: "sending", startedAt: time, progressAt: time, updatedAt: time, targeted })
    .where(and(campaignWhere(ctx, campaignId), sql`${campaigns.status} in ('draft', 'scheduled')`))
    .returning({ id: campaigns.id });
  if (started.length === 0) return false;
  await ctx.enqueue(CHUNK_JOB, { campaignId, after: null });
  return true;
}

/** The minute schedule's part: start campaigns whose local time has come, and requeue sending ones that went silent. */
export async function moveCampaignsOn(ctx: PluginContext<unknown>): Promise<void> {
  const time = ctx.now();
  const due = await ctx.db
    .select({ id: campaigns.id, status: campaigns.status, cursor: campaigns.cursor, segmentId: campaigns.segmentId, filter: campaigns.filter })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.workspaceId, ctx.workspaceId),
        sql`((${campaigns.status} = 'scheduled' and ${campaigns.sendAt} <= ${time}) or (${campaigns.status} = 'sending' and ${campaigns.progressAt} <= ${time - STALL_MS}))`,
      ),
    )
    .limit(10);
  for (const campaign of due) {
    if (campaign.status === "scheduled") {
      const condition = await audienceCondition(ctx, campaign);
      await startCampaign(ctx, campaign.id, condition ? await audienceCount(ctx, condition) : 0);
    } else {
      await ctx.db.update(campaigns).set({ progressAt: time }).where(and(campaignWhere(ctx, campaign.id), lte(campaigns.progressAt, time - STALL_MS)));
      await ctx.enqueue(CHUNK_JOB, { campaignId: campaign.id, after: campaign.cursor });
    }
  }
}
