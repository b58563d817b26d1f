// Surveys: their storage and how the API shows them. A new survey starts with the default
// question, follow-ups and thanks in both languages.
import { and, desc, eq, lt } from "drizzle-orm";
import { newId, type PluginContext, type Statement } from "../../worker/plugin-api";
import type { SurveyCreateInput, SurveyUpdateInput } from "./api-schemas";
import { npsSurveys } from "./schema";
import { DEFAULT_FOLLOW_UPS, DEFAULT_QUESTION, DEFAULT_THANK_YOU } from "./texts";

export type SurveyRow = typeof npsSurveys.$inferSelect;

const mine = (ctx: PluginContext<unknown>, surveyId: string) => and(eq(npsSurveys.workspaceId, ctx.workspaceId), eq(npsSurveys.id, surveyId));

export async function findSurvey(ctx: PluginContext<unknown>, surveyId: string): Promise<SurveyRow | undefined> {
  return ctx.db.select().from(npsSurveys).where(mine(ctx, surveyId)).get();
}

export async function listSurveys(ctx: PluginContext<unknown>, after: string | null, limit: number): Promise<SurveyRow[]> {
  return ctx.db
    .select()
    .from(npsSurveys)
    .where(and(eq(npsSurveys.workspaceId, ctx.workspaceId), after ? lt(npsSurveys.id, after) : undefined))
    .orderBy(desc(npsSurveys.id))
    .limit(limit + 1);
}

export async function createSurvey(ctx: PluginContext<unknown>, input: SurveyCreateInput, audit: (row: SurveyRow) => Statement): Promise<SurveyRow> {
  const at = ctx.now();
  const row: SurveyRow = {
    id: newId("nps", at),
    workspaceId: ctx.workspaceId,
    name: input.name,
    channel: input.channel,
    question: input.question ?? DEFAULT_QUESTION,
    followUps: input.followUps ?? DEFAULT_FOLLOW_UPS,
    thankYou: input.thankYou ?? DEFAULT_THANK_YOU,
    reviewUrl: input.reviewUrl ?? null,
    referralInvite: input.referralInvite ?? null,
    trigger: input.trigger,
    delayDays: input.delayDays,
    reminderDays: input.reminderDays,
    active: true,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.db.batch([ctx.db.insert(npsSurveys).values(row), audit(row)]);
  return row;
}

export async function updateSurvey(ctx: PluginContext<unknown>, surveyId: string, input: SurveyUpdateInput, audit: Statement): Promise<SurveyRow | undefined> {
  const current = await findSurvey(ctx, surveyId);
  if (!current) return undefined;
  const row = { ...current, ...input, updatedAt: ctx.now() } as SurveyRow;
  await ctx.db.batch([ctx.db.update(npsSurveys).set({ ...input, updatedAt: row.updatedAt }).where(mine(ctx, surveyId)), audit]);
  return row;
}

/** Active surveys asked after every paid order. */
export async function afterOrderSurveys(ctx: PluginContext<unknown>): Promise<SurveyRow[]> {
  return ctx.db
    .select()
    .from(npsSurveys)
    .where(and(eq(npsSurveys.workspaceId, ctx.workspaceId), eq(npsSurveys.trigger, "after_order"), eq(npsSurveys.active, true)))
    .limit(10);
}

export function presentSurvey(row: SurveyRow) {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    question: row.question,
    followUps: row.followUps,
    thankYou: row.thankYou,
    reviewUrl: row.reviewUrl,
    referralInvite: row.referralInvite,
    trigger: row.trigger,
    delayDays: row.delayDays,
    reminderDays: row.reminderDays,
    active: row.active,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
