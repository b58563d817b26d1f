// A flow's survey step, through the NPS plugin's action (never its tables): the survey is queued
// for the customer and the NPS plugin asks it within the hour, under its own throttle and daily
// cap. Its write commits with the step's receipt, keyed by (enrollment, round, step), so a step run
// twice queues once. With the NPS plugin off the step is skipped, and the report says why.
import { PluginActionError, type PluginContext } from "../../worker/plugin-api";
import { automationEnrollments as enrollments } from "./schema";
import type { LoyaltyOutcome as StepOutcome } from "./flow-loyalty";

type Ctx = PluginContext<unknown>;
type Enrollment = typeof enrollments.$inferSelect;

export const NPS = "nps";
export const NPS_ASK = "ask-survey";

export async function runSurveyStep(ctx: Ctx, enrollment: Enrollment, index: number): Promise<StepOutcome> {
  try {
    const queued = await ctx.pluginAction(NPS, NPS_ASK, { customerId: enrollment.customerId, key: `automation:${enrollment.id}:${enrollment.round}:${index}` });
    return { outcome: "survey_queued", statements: queued.statements };
  } catch (error) {
    if (!(error instanceof PluginActionError)) throw error;
    if (error.code === "plugin_not_enabled" || error.code === "unknown_action") return { outcome: "skipped:nps_off" };
    if (error.code === "refused") return { outcome: `skipped:${error.detail.reason}` };
    throw error;
  }
}
