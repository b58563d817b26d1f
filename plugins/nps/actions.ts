// What the survey plugin does for other plugins (`ctx.pluginAction("nps", "ask-survey", …)`):
// queue a survey for a customer (the automation's post-purchase step). The send is queued due now
// and asked by this plugin's own hourly run, under its throttle and daily cap and through core's
// messaging (consent, quiet hours). Keyed by the caller: the send's id is made from the key, so a
// repeated call writes nothing more and answers the same send.
import { z } from "@hono/zod-openapi";
import { and, desc, eq, isNull } from "drizzle-orm";
import { ActionRefusal, customersTable, defineAction } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { newToken } from "./queue";
import { npsSends, npsSurveys } from "./schema";
import type { NpsSettings } from "./settings";

export const AskSurveyInput = z.object({
  customerId: z.string().min(1).max(64),
  /** A survey of the workspace; by default its newest active after-order survey, else its newest active one. */
  surveyId: z.string().min(1).max(64).optional(),
  /** The caller's key (a flow's step of one customer's run): one send per key. */
  key: z.string().trim().min(1).max(200),
});

export const QueuedSurvey = z.object({ sendId: z.string(), surveyId: z.string(), dueAt: z.number().int() });

/** The send's id for a caller's key: the same key, the same send (SHA-256 of workspace and key). */
async function sendIdFor(workspaceId: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${workspaceId}\n${key}`));
  return `nsd_k${Array.from(new Uint8Array(digest).slice(0, 12), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

export const askSurveyAction = defineAction<typeof AskSurveyInput, typeof QueuedSurvey, NpsSettings, NpsEvents>({
  description: {
    en: "Ask a customer the satisfaction survey (NPS): queued now and asked within the hour, under the survey's throttle and daily cap.",
    fa: "پرسیدن نظرسنجی رضایت (NPS) از مشتری: اکنون در صف و تا یک ساعت پرسیده می‌شود، با رعایت فاصلهٔ پرسش و سقف روزانه.",
  },
  input: AskSurveyInput,
  output: QueuedSurvey,
  async run(input, ctx) {
    const id = await sendIdFor(ctx.workspaceId, input.key);
    const queued = await ctx.db.select().from(npsSends).where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.id, id))).get();
    if (queued) return { output: { sendId: queued.id, surveyId: queued.surveyId, dueAt: queued.dueAt }, statements: [] };
    const active = and(eq(npsSurveys.workspaceId, ctx.workspaceId), eq(npsSurveys.active, true), input.surveyId === undefined ? undefined : eq(npsSurveys.id, input.surveyId));
    // An after-order survey first (the question a post-purchase step means), then the newest.
    const [survey] = await ctx.db.select({ id: npsSurveys.id, trigger: npsSurveys.trigger }).from(npsSurveys).where(active).orderBy(desc(eq(npsSurveys.trigger, "after_order")), desc(npsSurveys.id)).limit(1);
    if (!survey) throw new ActionRefusal("no_active_survey");
    const customer = await ctx.db
      .select({ id: customersTable.id })
      .from(customersTable)
      .where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, input.customerId), isNull(customersTable.mergedInto), isNull(customersTable.erasedAt)))
      .get();
    if (!customer) throw new ActionRefusal("customer_not_found");
    const at = ctx.now();
    const send = { id, workspaceId: ctx.workspaceId, surveyId: survey.id, customerId: customer.id, token: newToken(), status: "queued" as const, dueAt: at, createdAt: at, updatedAt: at };
    return { output: { sendId: id, surveyId: survey.id, dueAt: at }, statements: [ctx.db.insert(npsSends).values(send).onConflictDoNothing()] };
  },
});
