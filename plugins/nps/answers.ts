// Recording an answer: the first answer to a send creates its response (with the rollup, the
// customer's last score, a timeline note and the events, in one batch); another answer within the
// window changes it; after the window, or once the link has expired, nothing changes.
import { and, eq, sql } from "drizzle-orm";
import { isConstraintError, localDay, newId, timelineNote, workspaceProfile, type PluginContext, type Statement } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { bandOf } from "./scoring";
import { npsCustomers, npsResponses, npsRollups, npsSends, type Band } from "./schema";
import type { NpsSettings } from "./settings";
import { findSurvey } from "./surveys";
import { answeredNote } from "./texts";

type Ctx = PluginContext<NpsSettings, NpsEvents>;
export type SendRow = typeof npsSends.$inferSelect;
export type ResponseRow = typeof npsResponses.$inferSelect;

const DAY = 86_400_000;

export async function sendByToken(ctx: PluginContext<unknown>, token: string): Promise<SendRow | undefined> {
  return ctx.db.select().from(npsSends).where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.token, token))).get();
}

export async function responseOfSend(ctx: PluginContext<unknown>, sendId: string): Promise<ResponseRow | undefined> {
  return ctx.db.select().from(npsResponses).where(and(eq(npsResponses.workspaceId, ctx.workspaceId), eq(npsResponses.sendId, sendId))).get();
}

/** Whether a send's link still takes a first answer (it was sent, and not too long ago). */
export function linkOpen(ctx: Ctx, send: SendRow): boolean {
  return send.sentAt !== null && ctx.now() < send.sentAt + ctx.settings.linkValidDays * DAY;
}

/** A rollup row's count of one score, moved by `by`; the row is made on first use. */
function countScore(ctx: Ctx, surveyId: string, day: string, score: number, by: 1 | -1): Statement {
  const column = sql.identifier(`c${score}`);
  return ctx.db
    .insert(npsRollups)
    .values({ workspaceId: ctx.workspaceId, surveyId, day, [`c${score}`]: Math.max(by, 0) })
    .onConflictDoUpdate({ target: [npsRollups.workspaceId, npsRollups.surveyId, npsRollups.day], set: { [`c${score}`]: sql`${column} + ${by}` } });
}

function lastAnswer(ctx: Ctx, customerId: string, score: number, band: Band, at: number): Statement {
  return ctx.db
    .insert(npsCustomers)
    .values({ workspaceId: ctx.workspaceId, customerId, lastScore: score, lastBand: band, lastAnsweredAt: at })
    .onConflictDoUpdate({ target: [npsCustomers.workspaceId, npsCustomers.customerId], set: { lastScore: score, lastBand: band, lastAnsweredAt: at } });
}

export type AnswerOutcome = { kind: "recorded" | "updated"; response: ResponseRow } | { kind: "closed"; response: ResponseRow } | { kind: "expired" };

export async function recordAnswer(ctx: Ctx, send: SendRow, score: number, via: "link" | "sms"): Promise<AnswerOutcome> {
  const existing = await responseOfSend(ctx, send.id);
  if (existing) return changeAnswer(ctx, send, existing, score);
  if (!linkOpen(ctx, send)) return { kind: "expired" };
  const at = ctx.now();
  const band = bandOf(score);
  const survey = await findSurvey(ctx, send.surveyId);
  const locale = (await workspaceProfile(ctx)).locale;
  const response: ResponseRow = {
    id: newId("npr", at),
    workspaceId: ctx.workspaceId,
    sendId: send.id,
    surveyId: send.surveyId,
    customerId: send.customerId,
    score,
    band,
    via,
    comment: null,
    testimonialConsentAt: null,
    day: localDay(at, ctx.timeZone),
    answeredAt: at,
    closesAt: at + ctx.settings.answerWindowHours * 3_600_000,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await ctx.db.batch([
      ctx.db.insert(npsResponses).values(response),
      ctx.db.update(npsSends).set({ respondedAt: at, updatedAt: at }).where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.id, send.id))),
      countScore(ctx, send.surveyId, response.day, score, 1),
      lastAnswer(ctx, send.customerId, score, band, at),
      timelineNote(ctx, { customerId: send.customerId, summary: answeredNote(score, survey?.name ?? "NPS", locale), at }),
      ctx.event("nps.responded", { customerId: send.customerId, responseId: response.id, surveyId: send.surveyId, score, band }),
      ...(band === "detractor" ? [ctx.event("nps.detractor", { customerId: send.customerId, responseId: response.id, surveyId: send.surveyId, score })] : []),
    ]);
  } catch (error) {
    // Two taps at once: the other made the response; this one changes it.
    if (!isConstraintError(error, "nps_responses.send_id")) throw error;
    const made = await responseOfSend(ctx, send.id);
    if (!made) throw error;
    return changeAnswer(ctx, send, made, score);
  }
  return { kind: "recorded", response };
}

async function changeAnswer(ctx: Ctx, send: SendRow, response: ResponseRow, score: number): Promise<AnswerOutcome> {
  const at = ctx.now();
  if (at >= response.closesAt) return { kind: "closed", response };
  if (response.score === score) return { kind: "updated", response };
  const band = bandOf(score);
  const changed: ResponseRow = { ...response, score, band, answeredAt: at, updatedAt: at };
  await ctx.db.batch([
    ctx.db
      .update(npsResponses)
      .set({ score, band, answeredAt: at, updatedAt: at })
      .where(and(eq(npsResponses.workspaceId, ctx.workspaceId), eq(npsResponses.id, response.id))),
    countScore(ctx, response.surveyId, response.day, response.score, -1),
    countScore(ctx, response.surveyId, response.day, score, 1),
    lastAnswer(ctx, send.customerId, score, band, at),
    // Turned into a detractor: followed up like one (the task is still opened once per response).
    ...(band === "detractor" && response.band !== "detractor" ? [ctx.event("nps.detractor", { customerId: send.customerId, responseId: response.id, surveyId: response.surveyId, score })] : []),
  ]);
  return { kind: "updated", response: changed };
}

/** The follow-up comment (and, for a promoter, the consent to quote it), while the answer is open. */
export async function addComment(ctx: Ctx, response: ResponseRow, comment: string | null, consent: boolean): Promise<boolean> {
  const at = ctx.now();
  if (at >= response.closesAt) return false;
  const quotable = consent && response.band === "promoter" && comment !== null;
  await ctx.db
    .update(npsResponses)
    .set({ comment, testimonialConsentAt: quotable ? at : null, updatedAt: at })
    .where(and(eq(npsResponses.workspaceId, ctx.workspaceId), eq(npsResponses.id, response.id)));
  return true;
}
