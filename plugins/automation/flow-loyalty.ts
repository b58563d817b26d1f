// A flow's loyalty steps, through the loyalty club's actions (never its tables): a coupon step
// issues a single-use personal coupon whose code the sends after it put in `{coupon}`; a points
// step gives points on the club's ledger. The club's writes come back as statements and commit
// with the step's receipt, keyed by (enrollment, round, step), so a step run twice issues once.
// With the club off the step is skipped, and a send that needed its code is skipped too.
import { and, desc, eq, isNotNull, lt } from "drizzle-orm";
import type { PluginContext } from "../../worker/plugin-api";
import { usesCoupon, type FlowDefinition, type FlowStep } from "./flow-definition";
import { skippedFor, stepKey, type StepOutcome } from "./plugin-action-step";
import { automationEnrollments as enrollments, automationStepReceipts as receipts } from "./schema";

type Ctx = PluginContext<unknown>;
type Enrollment = typeof enrollments.$inferSelect;
type Step<T extends FlowStep["type"]> = Extract<FlowStep, { type: T }>;

export const LOYALTY = "loyalty";
/** The loyalty club's action each step runs. */
export const LOYALTY_ACTIONS = { coupon: "issue-coupon", points: "award-points" } as const;

export async function runLoyaltyStep(ctx: Ctx, enrollment: Enrollment, index: number, step: Step<"coupon" | "points">): Promise<StepOutcome> {
  const key = stepKey(enrollment, index);
  try {
    if (step.type === "coupon") {
      const issued = await ctx.pluginAction<{ code: string }>(LOYALTY, LOYALTY_ACTIONS.coupon, {
        customerId: enrollment.customerId,
        ...(step.percent !== undefined ? { percent: step.percent } : { amount: step.amount }),
        expiresInDays: step.expiresInDays,
        key,
      });
      return { outcome: "coupon_issued", statements: issued.statements, detail: issued.output.code };
    }
    const awarded = await ctx.pluginAction(LOYALTY, LOYALTY_ACTIONS.points, { customerId: enrollment.customerId, points: step.points, reason: step.reason, key });
    return { outcome: "points_awarded", statements: awarded.statements };
  } catch (error) {
    return skippedFor(error, "loyalty_off");
  }
}

/**
 * The `{coupon}` of a send: the code of this run's latest coupon step before it; undefined when
 * the send has no coupon step before it, null when its text needs a code and none was issued.
 */
export async function couponForSend(ctx: Ctx, enrollment: Enrollment, definition: FlowDefinition, index: number): Promise<string | null | undefined> {
  const step = definition.steps[index];
  if (step?.type !== "send" || !definition.steps.slice(0, index).some((earlier) => earlier.type === "coupon")) return undefined;
  const row = await ctx.db
    .select({ code: receipts.detail })
    .from(receipts)
    .where(
      and(
        eq(receipts.workspaceId, ctx.workspaceId),
        eq(receipts.enrollmentId, enrollment.id),
        eq(receipts.round, enrollment.round),
        lt(receipts.step, index),
        eq(receipts.outcome, "coupon_issued"),
        isNotNull(receipts.detail),
      ),
    )
    .orderBy(desc(receipts.step))
    .get();
  if (row?.code) return row.code;
  return step.body && usesCoupon(step.body) ? null : undefined;
}
