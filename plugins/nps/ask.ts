// Asking: each queued send, once due, goes out through core messaging as `marketing` (so quiet
// hours, caps and consent apply there), unless the customer was asked within the throttle or the
// workspace's daily cap is reached; then it is skipped with that reason, never queued again.
// A few sends per run: each costs some D1 queries, and a run stays within the plan's limit.
import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { localDay, type PluginContext } from "../../worker/plugin-api";
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

/** Sends per run: a send through messaging takes about ten D1 queries; a run has fifty. */
export const SENDS_PER_RUN = 3;

export type AskOutcome = "sent" | "deferred" | "skipped" | "failed";

async function sentToday(ctx: Ctx): Promise<number> {
  const row = await ctx.db
    .select({ sent: sql<number>`coalesce(sum(${npsRollups.sent}), 0)` })
    .from(npsRollups)
    .where(and(eq(npsRollups.workspaceId, ctx.workspaceId), eq(npsRollups.day, localDay(ctx.now(), ctx.timeZone))))
    .get();
  return Number(row?.sent ?? 0);
}

async function lastAskedAt(ctx: Ctx, customerId: string): Promise<number | null> {
  const row = await ctx.db
    .select({ at: npsCustomers.lastAskedAt })
    .from(npsCustomers)
    .where(and(eq(npsCustomers.workspaceId, ctx.workspaceId), eq(npsCustomers.customerId, customerId)))
    .get();
  return row?.at ?? null;
}

function emailBody(ctx: Ctx, survey: SurveyRow, token: string, locale: "fa" | "en"): string {
  const row = Array.from({ length: 11 }, (_, score) => `${numberIn(score, locale)}: ${answerUrl(ctx, token, score)}`).join("\n");
  return `${survey.question[locale]}\n\n${row}`;
}

const skip = (ctx: Ctx, send: SendRow, reason: string) =>
  ctx.db.update(npsSends).set({ status: "skipped", skipReason: reason, updatedAt: ctx.now() }).where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.id, send.id)));

/** Asks one queued send: throttle and cap first, then messaging. */
export async function ask(ctx: Ctx, send: SendRow, survey: SurveyRow, state: { sentToday: number }): Promise<AskOutcome> {
  const at = ctx.now();
  const asked = await lastAskedAt(ctx, send.customerId);
  if (asked !== null && asked > at - ctx.settings.throttleDays * DAY) {
    await skip(ctx, send, "throttled");
    return "skipped";
  }
  if (state.sentToday >= ctx.settings.dailyCap) {
    await skip(ctx, send, "daily_cap");
    return "skipped";
  }
  const link = { url: answerUrl(ctx, send.token), expiresAt: at + ctx.settings.linkValidDays * DAY };
  const result = await sendSurveyMessage(ctx, {
    customerId: send.customerId,
    channel: survey.channel,
    ...(survey.channel === "sms"
      ? { body: surveyMessage(survey.question), link }
      : { subject: survey.name, body: { en: emailBody(ctx, survey, send.token, "en"), fa: emailBody(ctx, survey, send.token, "fa") } }),
    idempotencyKey: `ask:${send.id}`,
  });
  if (result.status === "skipped" || result.status === "failed") {
    await ctx.db
      .update(npsSends)
      .set({ status: result.status, skipReason: result.status === "skipped" ? result.reason : result.error.slice(0, 200), messageId: result.messageId, updatedAt: at })
      .where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.id, send.id)));
    return result.status;
  }
  state.sentToday += 1;
  // A deferred message goes out later (quiet hours); the link is valid from now.
  await ctx.db.batch([
    ctx.db
      .update(npsSends)
      .set({ status: result.status, messageId: result.messageId, sentAt: at, updatedAt: at })
      .where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.id, send.id))),
    ctx.db
      .insert(npsCustomers)
      .values({ workspaceId: ctx.workspaceId, customerId: send.customerId, lastAskedAt: at })
      .onConflictDoUpdate({ target: [npsCustomers.workspaceId, npsCustomers.customerId], set: { lastAskedAt: at } }),
    ctx.db
      .insert(npsRollups)
      .values({ workspaceId: ctx.workspaceId, surveyId: send.surveyId, day: localDay(at, ctx.timeZone), sent: 1 })
      .onConflictDoUpdate({ target: [npsRollups.workspaceId, npsRollups.surveyId, npsRollups.day], set: { sent: sql`${npsRollups.sent} + 1` } }),
  ]);
  return result.status;
}

/** The due queued sends (oldest first), each with its survey. */
async function dueSends(ctx: Ctx, limit: number) {
  return ctx.db
    .select({ send: npsSends, survey: npsSurveys })
    .from(npsSends)
    .innerJoin(npsSurveys, and(eq(npsSurveys.workspaceId, npsSends.workspaceId), eq(npsSurveys.id, npsSends.surveyId)))
    .where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.status, "queued"), lte(npsSends.dueAt, ctx.now())))
    .orderBy(asc(npsSends.dueAt))
    .limit(limit);
}

/** Asks up to `limit` due sends; returns what became of each. */
export async function askDue(ctx: Ctx, limit = SENDS_PER_RUN): Promise<AskOutcome[]> {
  const due = await dueSends(ctx, limit);
  if (due.length === 0) return [];
  const state = { sentToday: await sentToday(ctx) };
  const outcomes: AskOutcome[] = [];
  for (const { send, survey } of due) {
    // A paused survey asks no more: its queued sends are skipped.
    if (!survey.active) {
      await skip(ctx, send, "survey_paused");
      outcomes.push("skipped");
      continue;
    }
    outcomes.push(await ask(ctx, send, survey, state));
  }
  return outcomes;
}

/** One reminder to those who have not answered `reminderDays` after being asked (SMS surveys). */
export async function remindDue(ctx: Ctx, limit = SENDS_PER_RUN): Promise<number> {
  const at = ctx.now();
  const rows = await ctx.db
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
  for (const { send, survey } of rows) {
    await sendSurveyMessage(ctx, {
      customerId: send.customerId,
      channel: survey.channel,
      ...(survey.channel === "sms" ? { body: reminderMessage(survey.question), link: { url: answerUrl(ctx, send.token) } } : { subject: survey.name, body: { en: emailBody(ctx, survey, send.token, "en"), fa: emailBody(ctx, survey, send.token, "fa") } }),
      idempotencyKey: `remind:${send.id}`,
    });
    await ctx.db.update(npsSends).set({ remindedAt: at, updatedAt: at }).where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.id, send.id)));
  }
  return rows.length;
}
