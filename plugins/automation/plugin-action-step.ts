// What a flow step that runs another plugin's action (the loyalty club's coupon and points, the
// NPS plugin's survey) shares: its outcome with the writes to commit with the step's receipt, the
// key that makes a step run twice act once, and the outcome when the action cannot run.
import { PluginActionError, type Statement } from "../../worker/plugin-api";
import type { automationEnrollments as enrollments } from "./schema";

export interface StepOutcome {
  outcome: string;
  statements?: Statement[];
  detail?: string;
}

/** The action's key for one step of one customer's run: a step run again acts once. */
export const stepKey = (enrollment: typeof enrollments.$inferSelect, index: number) => `automation:${enrollment.id}:${enrollment.round}:${index}`;

/**
 * The step's outcome when the action failed: the plugin switched off (or too old to have the
 * action) is `skipped:<off>`, a refusal `skipped:<its reason>`, so the flow goes on and the report
 * says why; anything else is thrown (retried).
 */
export function skippedFor(error: unknown, off: string): StepOutcome {
  if (!(error instanceof PluginActionError)) throw error;
  if (error.code === "plugin_not_enabled" || error.code === "unknown_action") return { outcome: `skipped:${off}` };
  if (error.code === "refused") return { outcome: `skipped:${error.detail.reason}` };
  throw error;
}
