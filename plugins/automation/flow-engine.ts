// The flow engine: a customer enters a published version of a flow (one enrollment per customer
// and version), then runs its steps in order until a wait, the end, or an exit. Each step runs
// once: its receipt (enrollment, round, step) is written in the batch that moves the enrollment
// on, and that move is a compare-and-set on the step the run started from, so an event or a
// wake-up delivered twice finds the step taken and does nothing; a send's idempotency key is the
// same (enrollment, round, step), so even a run cut short between the send and the batch never
// sends twice. A paused flow's enrollments are parked: nothing is sent until it is resumed.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { customersTable, filterCondition, isConstraintError, localDay, localMidnight, newId, onlyIf, refusalCode, type PluginContext, type SendResult, type Statement } from "../../worker/plugin-api";
import { runProfileStep, runWebhookStep, taskStatements } from "./flow-actions";
import { couponForSend, runLoyaltyStep } from "./flow-loyalty";
import { runSurveyStep } from "./flow-survey";
import { wakeTime } from "./flow-clock";
import type { FlowDefinition, FlowStep } from "./flow-definition";
import { automationEnrollments as enrollments, automationFlows as flows, automationFlowVersions as versions, automationStepReceipts as receipts } from "./schema";

type Ctx = PluginContext<unknown>;
type Enrollment = typeof enrollments.$inferSelect;

const DAY_MS = 86_400_000;
/** Steps one run takes at most (jumps go forward only, so a flow always ends); the rest is left due now. */
const STEPS_PER_RUN = 10;
/** D1 queries the costliest step may take (a send with a coupon); a run with less left stops before it. */
export const QUERIES_PER_STEP = 15;
/** A paused flow's woken enrollment looks again after this. */
const PARKED_MS = 60 * 60_000;
const STEP_TAKEN_ONCE = "automation-step-once";

export async function loadVersion(ctx: Ctx, flowId: string, version: number): Promise<FlowDefinition | null> {
  const row = await ctx.db
    .select({ definition: versions.definition })
    .from(versions)
    .where(and(eq(versions.workspaceId, ctx.workspaceId), eq(versions.flowId, flowId), eq(versions.version, version)))
    .get();
  return row?.definition ?? null;
}

async function matches(ctx: Ctx, customerId: string, filter: Record<string, unknown>): Promise<boolean> {
  const row = await ctx.db.select({ id: customersTable.id }).from(customersTable).where(and(filterCondition(ctx, filter), eq(customersTable.id, customerId))).get();
  return row !== undefined;
}

/**
 * Puts a customer into a version of a flow; null when they are in it already (or were, and the
 * re-entry policy says not yet). A repeated trigger therefore enrolls once. Between steps an
 * enrollment is always a due wait (from entering, and after each step that does not wait): should
 * the run stop there (a crash, a hook's retry that finds them enrolled), the minute tick goes on.
 */
export async function enroll(ctx: Ctx, flow: { id: string; version: number }, definition: FlowDefinition, customerId: string, at: number): Promise<Enrollment | null> {
  if (definition.conditions && !(await matches(ctx, customerId, definition.conditions))) return null;
  const fresh = { id: newId("enr", at), workspaceId: ctx.workspaceId, flowId: flow.id, version: flow.version, customerId, status: "waiting" as const, wakeAt: at, round: 0, step: 0, enteredAt: at, updatedAt: at };
  const [inserted] = await ctx.db.insert(enrollments).values(fresh).onConflictDoNothing().returning();
  if (inserted) return inserted;
  if (definition.reentry.policy !== "after_days") return null;
  // Back in after the policy's days since they finished: a new round on the same row.
  const [again] = await ctx.db
    .update(enrollments)
    .set({ status: "waiting", round: sql`${enrollments.round} + 1`, step: 0, wakeAt: at, arm: null, exitReason: null, convertedAt: null, enteredAt: at, updatedAt: at })
    .where(
      and(
        eq(enrollments.workspaceId, ctx.workspaceId),
        eq(enrollments.flowId, flow.id),
        eq(enrollments.version, flow.version),
        eq(enrollments.customerId, customerId),
        inArray(enrollments.status, ["completed", "exited"]),
        sql`${enrollments.updatedAt} <= ${at - definition.reentry.days * DAY_MS}`,
      ),
    )
    .returning();
  return again ?? null;
}

/** What a step did and where the enrollment goes next (`retry`: the same step again later, no receipt yet). */
interface Outcome {
  outcome: string;
  messageId?: string;
  next: { step: number } | { wait: number; step: number } | { exit: string } | { complete: true } | { retry: number };
  arm?: string;
  /** Writes that belong to the step (a task, a coupon), committed with its receipt, once. */
  statements?: Statement[];
  /** What later steps use (a coupon's code), kept on the receipt. */
  detail?: string;
}

/** Messages the flow sent (or had deferred) since the local midnight of `at`: the per-flow daily limit. */
async function sentToday(ctx: Ctx, flowId: string, at: number): Promise<number> {
  const midnight = localMidnight(localDay(at, ctx.timeZone), ctx.timeZone);
  const row = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(receipts)
    .where(and(eq(receipts.workspaceId, ctx.workspaceId), eq(receipts.flowId, flowId), gte(receipts.createdAt, midnight), inArray(receipts.outcome, ["sent", "deferred"])))
    .get();
  return Number(row?.n ?? 0);
}

/** A stable number 0–99 for an enrollment's split, so a rerun takes the same arm. */
export function bucket(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) % 100;
}

function sendOutcome(result: SendResult): string {
  return result.status === "skipped" ? `skipped:${result.reason}` : result.status;
}

async function runStep(ctx: Ctx, enrollment: Enrollment, definition: FlowDefinition, index: number, step: FlowStep, at: number): Promise<Outcome> {
  const next = { step: index + 1 };
  switch (step.type) {
    case "wait":
    case "wait_until":
    case "wait_business_day":
      return { outcome: "waited", next: { wait: wakeTime(step, at, ctx.timeZone, definition.holidays), step: index + 1 } };
    case "branch": {
      let holds = true;
      if (step.filter) holds = await matches(ctx, enrollment.customerId, step.filter);
      if (holds && step.orderedSinceEntry) {
        const row = await ctx.db.select({ last: customersTable.lastOrderAt }).from(customersTable).where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, enrollment.customerId))).get();
        holds = (row?.last ?? 0) >= enrollment.enteredAt;
      }
      return { outcome: holds ? "branched:yes" : "branched:no", next: { step: holds ? index + 1 : step.elseGoTo } };
    }
    case "split": {
      let point = bucket(`${enrollment.id}:${enrollment.round}:${index}`);
      for (const arm of step.arms) {
        if (point < arm.percent) return { outcome: `split:${arm.name}`, arm: arm.name, next: { step: arm.goTo } };
        point -= arm.percent;
      }
      const last = step.arms.at(-1)!;
      return { outcome: `split:${last.name}`, arm: last.name, next: { step: last.goTo } };
    }
    case "send": {
      if (definition.dailySendLimit !== undefined && (await sentToday(ctx, enrollment.flowId, at)) >= definition.dailySendLimit) return { outcome: "skipped:flow_daily_limit", next };
      const coupon = await couponForSend(ctx, enrollment, definition, index);
      // A text promising a code it does not have (the coupon step was skipped) does not go out.
      if (coupon === null) return { outcome: "skipped:no_coupon", next };
      let result: SendResult;
      try {
        result = await ctx.messaging.send({
          customerId: enrollment.customerId,
          channel: step.channel,
          purpose: step.transactional ? "transactional" : "marketing",
          ...(step.template ? { template: step.template } : { body: step.body! }),
          ...(step.subject ? { subject: step.subject } : {}),
          ...(step.link ? { link: { url: step.link } } : {}),
          ...(coupon ? { variables: { coupon } } : {}),
          idempotencyKey: `flow:${enrollment.id}:${enrollment.round}:${index}`,
        });
      } catch (error) {
        // Core refused the message for this customer (a saved template's {coupon} with no coupon
        // step, {firstName} for an organization): this step fails alone and the flow goes on.
        // Thrown, it would fail every retry and hold up the waits due after it.
        const refused = refusalCode(error);
        if (refused === null) throw error;
        return { outcome: `failed:${refused}`, next };
      }
      // An opted-out customer leaves the flow: nothing after this would reach them.
      if (result.status === "skipped" && result.reason === "no_consent") return { outcome: sendOutcome(result), messageId: result.messageId, next: { exit: "opted_out" } };
      return { outcome: sendOutcome(result), messageId: result.messageId, next };
    }
    case "add_tag":
    case "remove_tag":
    case "set_attribute":
      return { outcome: await runProfileStep(ctx, enrollment.customerId, step), next };
    case "task":
      return { outcome: "task_created", next, statements: await taskStatements(ctx, enrollment.customerId, step, at) };
    case "webhook": {
      const tried = await runWebhookStep(ctx, enrollment, index, step, at);
      return "retryAt" in tried ? { outcome: "webhook_retry", next: { retry: tried.retryAt } } : { outcome: tried.outcome, next };
    }
    case "coupon":
    case "points":
      return { ...(await runLoyaltyStep(ctx, enrollment, index, step)), next };
    case "nps_survey":
      return { ...(await runSurveyStep(ctx, enrollment, index)), next };
    case "exit":
      return { outcome: "exited", next: { exit: "exit_step" } };
  }
}

/**
 * Runs an enrollment from its current step until it waits, ends or exits (at most a few steps a
 * run). `at` is the run's clock (the tick that woke it, or the event's delivery). `queriesLeft`
 * (a queued job's) stops the run before a step that might not fit the invocation's D1 queries.
 * A run that stops with steps to go leaves the enrollment waiting, due now (and says so): the next
 * wake-up job goes on from there.
 */
export async function advance(ctx: Ctx, enrollmentId: string, at: number, queriesLeft?: () => number): Promise<"left_due" | void> {
  const found = await ctx.db.select().from(enrollments).where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.id, enrollmentId))).get();
  if (!found) return;
  let enrollment: Enrollment = found;
  const [flow, definition] = await Promise.all([
    ctx.db.select({ status: flows.status }).from(flows).where(and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.id, enrollment.flowId))).get(),
    loadVersion(ctx, enrollment.flowId, enrollment.version),
  ]);
  if (!definition) return;
  for (let taken = 0; ; taken++) {
    if (enrollment.status === "completed" || enrollment.status === "exited") return;
    if (enrollment.status === "waiting" && (enrollment.wakeAt ?? 0) > at) return;
    const where = and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.id, enrollment.id), eq(enrollments.step, enrollment.step), eq(enrollments.round, enrollment.round), eq(enrollments.status, enrollment.status));
    if (taken === STEPS_PER_RUN || (queriesLeft && taken > 0 && queriesLeft() < QUERIES_PER_STEP)) {
      // Enough for one run: the rest is due now, for the next wake-up job.
      await ctx.db.update(enrollments).set({ status: "waiting", wakeAt: at, updatedAt: at }).where(where);
      return "left_due";
    }
    if (flow?.status !== "active") {
      // Paused (or the kill switch): park it; resuming wakes it.
      await ctx.db.update(enrollments).set({ status: "waiting", wakeAt: at + PARKED_MS, updatedAt: at }).where(where);
      return;
    }
    const index: number = enrollment.step;
    const step: FlowStep | undefined = definition.steps[index];
    const result: Outcome = step ? await runStep(ctx, enrollment, definition, index, step, at) : { outcome: "completed", next: { complete: true } };
    if ("retry" in result.next) {
      // Not taken yet: the same step again at the retry's time (no receipt until it is).
      await ctx.db.update(enrollments).set({ status: "waiting", wakeAt: result.next.retry, attempts: enrollment.attempts + 1, updatedAt: at }).where(where);
      return;
    }
    const move =
      "complete" in result.next
        ? { status: "completed" as const, wakeAt: null }
        : "exit" in result.next
          ? { status: "exited" as const, wakeAt: null, exitReason: result.next.exit }
          : "wait" in result.next
            ? { status: "waiting" as const, wakeAt: result.next.wait, step: result.next.step }
            : result.next.step >= definition.steps.length
              ? { status: "completed" as const, wakeAt: null, step: result.next.step }
              : { status: "waiting" as const, wakeAt: at, step: result.next.step };
    // A step's own writes are guarded: the batch fails (and writes nothing) when another run took the step first.
    const own = result.statements?.length ? [onlyIf(ctx, STEP_TAKEN_ONCE, sql`exists (select 1 from ${enrollments} where ${where})`), ...result.statements] : [];
    let batch: unknown[];
    try {
      batch = await ctx.db.batch([
        step
          ? ctx.db
              .insert(receipts)
              .values({ workspaceId: ctx.workspaceId, enrollmentId: enrollment.id, round: enrollment.round, step: index, flowId: enrollment.flowId, outcome: result.outcome, messageId: result.messageId ?? null, detail: result.detail ?? null, createdAt: at })
              .onConflictDoNothing()
          : ctx.db.select({ one: sql`1` }).from(sql`(select 1)`),
        ...own,
        ctx.db
          .update(enrollments)
          .set({ ...move, attempts: 0, ...(result.arm ? { arm: result.arm } : {}), updatedAt: at })
          .where(where)
          .returning(),
      ] as [Statement, ...Statement[]]);
    } catch (error) {
      if (isConstraintError(error, STEP_TAKEN_ONCE)) return;
      throw error;
    }
    const updated = (batch.at(-1) as Enrollment[])[0];
    // Another run took this step first: it goes on from here.
    if (!updated) return;
    enrollment = updated;
  }
}
