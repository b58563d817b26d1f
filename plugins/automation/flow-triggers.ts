// What starts flows and wakes them: an event (found by index among the active flows it starts),
// a Jalali or Gregorian birthday at a local time (a daily run), and the minute tick that wakes due
// waits (a bounded, indexed query; the run goes on in a job of its own when there are many).
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { customersTable, type DeliveredEvent, type JobContext, type PluginContext } from "../../worker/plugin-api";
import type { FlowDefinition, TriggerEvent } from "./flow-definition";
import { startEntry, WAKE_JOB } from "./flow-entry";
import { advance, enroll, loadVersion, QUERIES_PER_STEP } from "./flow-engine";
import { automationEnrollments as enrollments, automationFlows as flows } from "./schema";

export { WAKE_JOB };

type Ctx = PluginContext<unknown>;

/** Due enrollments a wake-up job reads at once; it runs as many as its D1 queries allow and queues the rest. */
const WAKE_BATCH = 10;

export function triggerKeyOf(definition: FlowDefinition): string {
  const trigger = definition.trigger;
  if (trigger.type === "event") return `event:${trigger.event}`;
  if (trigger.type === "date") return `date:${trigger.field}`;
  return trigger.type;
}

async function activeFlows(ctx: Ctx, triggerKey: string) {
  const rows = await ctx.db
    .select({ id: flows.id, version: flows.version })
    .from(flows)
    .where(and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.triggerKey, triggerKey), eq(flows.status, "active")));
  const loaded = await Promise.all(rows.map(async (row) => ({ id: row.id, version: row.version!, definition: await loadVersion(ctx, row.id, row.version!) })));
  return loaded.filter((flow): flow is { id: string; version: number; definition: FlowDefinition } => flow.definition !== null);
}

async function orderCount(ctx: Ctx, customerId: string): Promise<number> {
  const row = await ctx.db.select({ n: customersTable.orderCount }).from(customersTable).where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, customerId))).get();
  return row?.n ?? 0;
}

/** An `on` hook for every trigger event: enroll the customer in each active flow it starts, and run the first steps now. */
export async function enterOnEvent(event: DeliveredEvent<string, { customerId: string; to?: string }>, ctx: Ctx): Promise<void> {
  const name = event.name as TriggerEvent;
  const at = ctx.now();
  for (const flow of await activeFlows(ctx, `event:${name}`)) {
    const trigger = flow.definition.trigger;
    if (trigger.type !== "event") continue;
    if (trigger.toStages && !trigger.toStages.includes(event.payload.to as never)) continue;
    if (trigger.orderNumber && (await orderCount(ctx, event.payload.customerId)) !== trigger.orderNumber) continue;
    const enrollment = await enroll(ctx, flow, flow.definition, event.payload.customerId, at);
    if (enrollment) await advance(ctx, enrollment.id, at);
  }
}

/** The minute tick: when waits are due, a wake-up job runs them (its clock is the tick's). */
export async function wakeDueWaits(ctx: Ctx): Promise<void> {
  const at = ctx.now();
  const due = await dueEnrollments(ctx, at, 1);
  if (due.length) await ctx.enqueue(WAKE_JOB, { at });
}

/** Due waits, earliest first: the partial index on (workspace, wake_at) where waiting, so only due rows are read. */
export function dueEnrollments(ctx: Ctx, at: number, limit: number) {
  return ctx.db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(and(eq(enrollments.workspaceId, ctx.workspaceId), sql`${enrollments.status} = 'waiting'`, lte(enrollments.wakeAt, at)))
    .orderBy(asc(enrollments.wakeAt))
    .limit(limit);
}

/**
 * A wake-up job: runs due enrollments one after another while the next might still fit the
 * invocation's D1 queries (judged by the costliest run so far), then queues a job for the rest.
 * The first always runs, so every job moves on.
 */
export async function runWakeJob(payload: Record<string, unknown>, ctx: JobContext<unknown>): Promise<void> {
  const at = typeof payload.at === "number" ? payload.at : ctx.now();
  const due = await dueEnrollments(ctx, at, WAKE_BATCH);
  let costliest = QUERIES_PER_STEP;
  let ran = 0;
  let leftDue = false;
  for (const { id } of due) {
    const before = ctx.queriesLeft();
    if (ran > 0 && before < costliest) break;
    if ((await advance(ctx, id, at, ctx.queriesLeft)) === "left_due") leftDue = true;
    costliest = Math.max(costliest, before - ctx.queriesLeft());
    ran++;
  }
  if (leftDue || ran < due.length || due.length === WAKE_BATCH) await ctx.enqueue(WAKE_JOB, { at });
}

/**
 * The daily birthday run: each active birthday flow starts a chunked entry run (flow-entry.ts)
 * for the customers whose birthday is the local today in the flow's calendar; they wait for the
 * flow's local time.
 */
export async function enterBirthdays(ctx: Ctx): Promise<void> {
  const at = ctx.now();
  for (const flow of await activeFlows(ctx, "date:birthday")) await startEntry(ctx, flow, "birthday", at);
}
