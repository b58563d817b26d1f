// What starts flows and wakes them: an event (found by index among the active flows it starts),
// a Jalali or Gregorian birthday at a local time (a daily run), and the minute tick that wakes due
// waits (a bounded, indexed query; the run goes on in a job of its own when there are many).
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { addDays, customersTable, localDay, type DeliveredEvent, type PluginContext } from "../../worker/plugin-api";
import { nextLocalTime } from "./flow-clock";
import type { FlowDefinition, TriggerEvent } from "./flow-definition";
import { advance, enroll, loadVersion } from "./flow-engine";
import { automationEnrollments as enrollments, automationFlows as flows } from "./schema";

type Ctx = PluginContext<unknown>;

export const WAKE_JOB = "flows-wake";
/** Enrollments a wake-up job runs (each a few sends at most, within the invocation's D1 queries). */
const WAKE_BATCH = 4;

export const triggerKeyOf = (definition: FlowDefinition) => (definition.trigger.type === "event" ? `event:${definition.trigger.event}` : `date:${definition.trigger.field}`);

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

export async function runWakeJob(payload: Record<string, unknown>, ctx: Ctx): Promise<void> {
  const at = typeof payload.at === "number" ? payload.at : ctx.now();
  const due = await dueEnrollments(ctx, at, WAKE_BATCH);
  for (const { id } of due) await advance(ctx, id, at);
  if (due.length === WAKE_BATCH) await ctx.enqueue(WAKE_JOB, { at });
}

const persianMonthDay = (day: string) =>
  new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", { timeZone: "UTC", month: "numeric", day: "numeric" }).format(new Date(`${day}T12:00:00Z`));

/** Whether a birthday (YYYY-MM-DD, Gregorian as stored) falls on `today` in the calendar; 29 Feb and 30 Esfand on the day before in other years. */
export function isBirthdayOn(birthday: string, today: string, calendar: "persian" | "gregorian"): boolean {
  if (calendar === "gregorian") return birthday.slice(5) === today.slice(5) || (birthday.slice(5) === "02-29" && today.slice(5) === "02-28" && addDays(today, 1).slice(5) === "03-01");
  const mine = persianMonthDay(birthday);
  if (mine === persianMonthDay(today)) return true;
  // 30 Esfand exists in leap years only: celebrated on the year's last day otherwise.
  return mine === "12/30" && persianMonthDay(addDays(today, 1)) === "1/1" && persianMonthDay(today) === "12/29";
}

/**
 * The daily birthday run: customers whose birthday is today (in the flow's calendar) enter each
 * active birthday flow. A Jalali day falls within a day of the same Gregorian day every year, so
 * three Gregorian days are read and the calendar decides. They enter at once and wait for the
 * flow's local time.
 */
export async function enterBirthdays(ctx: Ctx): Promise<void> {
  const at = ctx.now();
  const today = localDay(at, ctx.timeZone);
  const candidates = [addDays(today, -1), today, addDays(today, 1)].map((day) => day.slice(5));
  if (candidates.includes("02-28")) candidates.push("02-29");
  const active = await activeFlows(ctx, "date:birthday");
  if (active.length === 0) return;
  const people = await ctx.db
    .select({ id: customersTable.id, birthday: customersTable.birthday })
    .from(customersTable)
    .where(
      and(
        eq(customersTable.workspaceId, ctx.workspaceId),
        isNull(customersTable.erasedAt),
        isNull(customersTable.mergedInto),
        sql`substr(${customersTable.birthday}, 6, 5) in (${sql.join(candidates.map((d) => sql`${d}`), sql`, `)})`,
      ),
    );
  for (const flow of active) {
    const trigger = flow.definition.trigger;
    if (trigger.type !== "date") continue;
    const wake = nextLocalTime(at - 1, trigger.at, ctx.timeZone);
    for (const person of people) {
      if (!person.birthday || !isBirthdayOn(person.birthday, today, trigger.calendar)) continue;
      const enrollment = await enroll(ctx, flow, flow.definition, person.id, at);
      if (!enrollment) continue;
      // Wait for the flow's local time today (or run now when it has passed).
      if (wake > at) await ctx.db.update(enrollments).set({ status: "waiting", wakeAt: wake, updatedAt: at }).where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.id, enrollment.id)));
      else await advance(ctx, enrollment.id, at);
    }
  }
}
