// Asking: each queued send, once due, goes out through core messaging as `marketing` (so quiet
// hours, caps and consent apply there), unless the customer was asked within the throttle or the
// workspace's daily cap is reached; then it is skipped with that reason, never queued again.
// Sends are asked a chunk at a time on the jobs queue (as many as one invocation's D1 queries
// allow); what became of them is written in one batch at the chunk's end. A chunk run again
// (a crash before its batch, a redelivery) asks again with the same idempotency keys, so core
// sends nothing twice, and each write applies only to a send still queued, so nothing counts twice.
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { localDay, queriesPerInvocation, type PluginContext, type SendResult, type Statement } from "../../worker/plugin-api";
import type { SendRow } from "./answers";
import type { NpsEvents } from "./events";
import { answerUrl } from "./links";
import { sendSurveyMessage } from "./messages";
import { npsCustomers, npsRollups, npsSends, npsSurveys } from "./schema";
import type { NpsSettings } from "./settings";
import type { SurveyRow } from "./surveys";
import { numberIn, reminderMessage, surveyMessage } from "./texts";

type Ctx = PluginContext<NpsSettings, NpsEvents>;
const DAY = 86_400_000;

/** D1 queries one send through core messaging takes at most (customer, key, consent and caps, message rows). */
const QUERIES_PER_SEND = 8;
/** A chunk's own queries: the job's start (plugins, workspace), campaign, segment, page, sends, day's count, the batch. */
const QUERIES_PER_CHUNK = 12;

/** Sends per chunk: what the plan's D1 queries per invocation allow (4 on the Free plan's 50), less what the invocation `spent` already. */
export function sendsPerChunk(env: Env, spent = 0): number {
  return Math.max(1, Math.min(100, Math.floor((queriesPerInvocation(env) - spent - QUERIES_PER_CHUNK) / QUERIES_PER_SEND)));
}

export type AskOutcome = "sent" | "deferred" | "skipped" | "failed";

/** A due send, its survey, and when its customer was last asked (read with it, in one query). */
export interface DueSend {
  send: SendRow;
  survey: SurveyRow;
  lastAskedAt: number | null;
}

export interface Asked {
  send: SendRow;
  outcome: AskOutcome;
  reason: string | null;
}

export async function sentToday(ctx: Ctx): Promise<number> {
  const row = await ctx.db
    .select({ sent: sql<number>`coalesce(sum(${npsRollups.sent}), 0)` })
    .from(npsRollups)
    .where(and(eq(npsRollups.workspaceId, ctx.workspaceId), eq(npsRollups.day, localDay(ctx.now(), ctx.timeZone))))
    .get();
  return Number(row?.sent ?? 0);
}

function emailBody(ctx: Ctx, survey: SurveyRow, token: string, locale: "fa" | "en"): string {
  const row = Array.from({ length: 11 }, (_, score) => `${numberIn(score, locale)}: ${answerUrl(ctx, token, score)}`).join("\n");
  return `${survey.question[locale]}\n\n${row}`;
}

function askMessage(ctx: Ctx, send: SendRow, survey: SurveyRow, reminder: boolean): Promise<SendResult> {
  const at = ctx.now();
  const link = { url: answerUrl(ctx, send.token), ...(reminder ? {} : { expiresAt: at + ctx.settings.linkValidDays * DAY }) };
  return sendSurveyMessage(ctx, {
    customerId: send.customerId,
    channel: survey.channel,
    ...(survey.channel === "sms"
      ? { body: reminder ? reminderMessage(survey.question) : surveyMessage(survey.question), link }
      : { subject: survey.name, body: { en: emailBody(ctx, survey, send.token, "en"), fa: emailBody(ctx, survey, send.token, "fa") } }),
    idempotencyKey: `${reminder ? "remind" : "ask"}:${send.id}`,
  });
}

const stillQueued = (ctx: Ctx, sendId: string) => and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.id, sendId), eq(npsSends.status, "queued"));

/**
 * Asks each due send (paused survey, throttle and daily cap first, then messaging) and returns
 * what became of each with the writes that record it, for the caller's one batch.
 */
export async function askSends(ctx: Ctx, due: DueSend[], state: { sentToday: number }): Promise<{ asked: Asked[]; writes: Statement[] }> {
  const at = ctx.now();
  const asked: Asked[] = [];
  const updates: Statement[] = [];
  // Asked earlier in this chunk: the throttle's clock is written only at the chunk's end.
  const askedNow = new Set<string>();
  for (const { send, survey, lastAskedAt } of due) {
    let reason: string | null = null;
    if (!survey.active) reason = "survey_paused";
    else if (askedNow.has(send.customerId) || (lastAskedAt !== null && lastAskedAt > at - ctx.settings.throttleDays * DAY)) reason = "throttled";
    else if (state.sentToday >= ctx.settings.dailyCap) reason = "daily_cap";
    if (reason) {
      asked.push({ send, outcome: "skipped", reason });
      updates.push(ctx.db.update(npsSends).set({ status: "skipped", skipReason: reason, updatedAt: at }).where(stillQueued(ctx, send.id)));
      continue;
    }
    const result = await askMessage(ctx, send, survey, false);
    if (result.status === "skipped" || result.status === "failed") {
      const why = result.status === "skipped" ? result.reason : result.error.slice(0, 200);
      asked.push({ send, outcome: result.status, reason: why });
      updates.push(ctx.db.update(npsSends).set({ status: result.status, skipReason: why, messageId: result.messageId, updatedAt: at }).where(stillQueued(ctx, send.id)));
      continue;
    }
    // A deferred message goes out later (quiet hours); the link is valid from now.
    state.sentToday += 1;
    askedNow.add(send.customerId);
    asked.push({ send, outcome: result.status, reason: null });
    updates.push(ctx.db.update(npsSends).set({ status: result.status, messageId: result.messageId, sentAt: at, updatedAt: at }).where(stillQueued(ctx, send.id)));
  }
  const handed = asked.filter((entry) => entry.outcome === "sent" || entry.outcome === "deferred").map((entry) => entry.send);
  if (handed.length === 0) return { asked, writes: updates };
  return { asked, writes: [...countSent(ctx, handed, at), ...updates, markAsked(ctx, handed, at)] };
}

/** The day's rollup counts the sends handed over, only those still queued: before their status changes in the same batch. */
function countSent(ctx: Ctx, sends: SendRow[], at: number): Statement[] {
  const day = localDay(at, ctx.timeZone);
  const surveys = [...new Set(sends.map((send) => send.surveyId))];
  return surveys.map((surveyId) => {
    const ids = sends.filter((send) => send.surveyId === surveyId).map((send) => send.id);
    const stillQueuedCount = sql<number>`(select count(*) from ${npsSends} where ${npsSends.workspaceId} = ${ctx.workspaceId} and ${inArray(npsSends.id, ids)} and ${npsSends.status} = 'queued')`;
    return ctx.db
      .insert(npsRollups)
      .values({ workspaceId: ctx.workspaceId, surveyId, day, sent: stillQueuedCount })
      .onConflictDoUpdate({ target: [npsRollups.workspaceId, npsRollups.surveyId, npsRollups.day], set: { sent: sql`${npsRollups.sent} + excluded.sent` } });
  });
}

/** The throttle's clock: each customer asked now. */
function markAsked(ctx: Ctx, sends: SendRow[], at: number): Statement {
  return ctx.db
    .insert(npsCustomers)
    .values(sends.map((send) => ({ workspaceId: ctx.workspaceId, customerId: send.customerId, lastAskedAt: at })))
    .onConflictDoUpdate({ target: [npsCustomers.workspaceId, npsCustomers.customerId], set: { lastAskedAt: sql`excluded.last_asked_at` } });
}

/** The due queued sends (oldest first), each with its survey and its customer's last asking. */
async function dueSends(ctx: Ctx, limit: number): Promise<DueSend[]> {
  return ctx.db
    .select({ send: npsSends, survey: npsSurveys, lastAskedAt: npsCustomers.lastAskedAt })
    .from(npsSends)
    .innerJoin(npsSurveys, and(eq(npsSurveys.workspaceId, npsSends.workspaceId), eq(npsSurveys.id, npsSends.surveyId)))
    .leftJoin(npsCustomers, and(eq(npsCustomers.workspaceId, npsSends.workspaceId), eq(npsCustomers.customerId, npsSends.customerId)))
    .where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.status, "queued"), lte(npsSends.dueAt, ctx.now())))
    .orderBy(asc(npsSends.dueAt))
    .limit(limit);
}

/** Whether anything is due (the hourly run's one query when there is nothing to do). */
export async function anythingDue(ctx: Ctx): Promise<boolean> {
  const row = await ctx.db
    .select({ id: npsSends.id })
    .from(npsSends)
    .where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.status, "queued"), lte(npsSends.dueAt, ctx.now())))
    .limit(1)
    .get();
  return row !== undefined || (await remindersDue(ctx, 1)).length > 0;
}

/** Asks up to `limit` due sends (after-order sends, and any a campaign chunk left queued); returns what became of each. */
export async function askDue(ctx: Ctx, limit: number): Promise<Asked[]> {
  const due = await dueSends(ctx, limit);
  if (due.length === 0) return [];
  const { asked, writes } = await askSends(ctx, due, { sentToday: await sentToday(ctx) });
  await ctx.db.batch(writes as [Statement, ...Statement[]]);
  return asked;
}

function remindersDue(ctx: Ctx, limit: number) {
  const at = ctx.now();
  return ctx.db
    .select({ send: npsSends, survey: npsSurveys })
    .from(npsSends)
    .innerJoin(npsSurveys, and(eq(npsSurveys.workspaceId, npsSends.workspaceId), eq(npsSurveys.id, npsSends.surveyId)))
    .where(
      and(
        eq(npsSends.workspaceId, ctx.workspaceId),
        eq(npsSends.status, "sent"),
        isNull(npsSends.respondedAt),
        isNull(npsSends.remindedAt),
        isNotNull(npsSurveys.reminderDays),
        lte(sql`${npsSends.sentAt} + ${npsSurveys.reminderDays} * ${DAY}`, at),
        gt(npsSends.sentAt, at - ctx.settings.linkValidDays * DAY),
      ),
    )
    .limit(limit);
}

/** One reminder to those who have not answered `reminderDays` after being asked; returns how many were reminded. */
export async function remindDue(ctx: Ctx, limit: number): Promise<number> {
  const at = ctx.now();
  const rows = await remindersDue(ctx, limit);
  if (rows.length === 0) return 0;
  for (const { send, survey } of rows) await askMessage(ctx, send, survey, true);
  // Marked once all went out: a chunk cut short reminds again with the same keys, which core sends once.
  await ctx.db.update(npsSends).set({ remindedAt: at, updatedAt: at }).where(and(eq(npsSends.workspaceId, ctx.workspaceId), inArray(npsSends.id, rows.map((row) => row.send.id)), isNull(npsSends.remindedAt)));
  return rows.length;
}

export const ASK_JOB = "ask-due";

/** The job that asks what is due and reminds, a chunk at a time, queueing the next while a chunk comes back full. */
export async function runAskChunk(_payload: Record<string, unknown>, ctx: Ctx): Promise<void> {
  const limit = sendsPerChunk(ctx.env);
  const asked = await askDue(ctx, limit);
  const reminded = asked.length < limit ? await remindDue(ctx, limit - asked.length) : 0;
  if (asked.length + reminded === limit) await ctx.enqueue(ASK_JOB, {});
}
