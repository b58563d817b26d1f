// A flow's survey step, through the NPS plugin's action (never its tables): the survey is queued
// for the customer and the NPS plugin asks it within the hour, under its own throttle and daily
// cap. Its write commits with the step's receipt, keyed by (enrollment, round, step), so a step run
// twice queues once. With the NPS plugin off the step is skipped, and the report says why.
import type { PluginContext } from "../../worker/plugin-api";
import { skippedFor, stepKey, type StepOutcome } from "./plugin-action-step";
import type { automationEnrollments as enrollments } from "./schema";

type Ctx = PluginContext<unknown>;
type Enrollment = typeof enrollments.$inferSelect;

export const NPS = "nps";
export const NPS_ASK = "ask-survey";

export async function runSurveyStep(ctx: Ctx, enrollment: Enrollment, index: number): Promise<StepOutcome> {
  try {
    const queued = await ctx.pluginAction(NPS, NPS_ASK, { customerId: enrollment.customerId, key: stepKey(enrollment, index) });
    return { outcome: "survey_queued", statements: queued.statements };
  } catch (error) {
    return skippedFor(error, "nps_off");
  }
}
