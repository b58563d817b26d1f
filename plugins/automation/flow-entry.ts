// Entering many customers at once, a chunk per job on the jobs queue so a workspace of any size
// stays within the plan's D1 queries per invocation: the birthday run, recurring flows (everyone
// matching the entry conditions at each occurrence) and segment entry (a customer newly matching
// a saved segment). A chunk reads customers in id order after a cursor and enters them with one
// INSERT … SELECT (one enrollment per customer and version), waiting to be woken by the wake-up
// job at the flow's time; the last chunk hands over to that job.
import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { addDays, customersTable, filterCondition, localDay, segmentCondition, type PluginContext, type Statement } from "../../worker/plugin-api";
import { nextLocalTime } from "./flow-clock";
import type { FlowDefinition, FlowTrigger } from "./flow-definition";
import { loadVersion } from "./flow-engine";
import { isBirthdayOn } from "./flow-birthday";
import { automationEnrollments as enrollments, automationFlows as flows, automationSegmentMembers as members } from "./schema";

type Ctx = PluginContext<unknown>;

export const ENTRY_JOB = "flows-enter";
export const WAKE_JOB = "flows-wake";
/** Customers one chunk reads (a few D1 queries a chunk, whatever the size). */
export const ENTRY_CHUNK = 40;
/** How often a segment flow looks for customers newly in its segment. */
export const SEGMENT_SCAN_EVERY_MS = 10 * 60_000;
const DAY_MS = 86_400_000;
/** Members' rows per INSERT (D1 binds at most 100 values a statement). */
const MEMBER_ROWS_PER_INSERT = 18;

export type EntryKind = "birthday" | "recurring" | "segment";

interface EntryPayload {
  flowId: string;
  version: number;
  kind: EntryKind;
  cursor: string | null;
  at: number;
}

const live = (ctx: Ctx) => and(eq(customersTable.workspaceId, ctx.workspaceId), isNull(customersTable.erasedAt), isNull(customersTable.mergedInto));

/**
 * The statements that enter `customerIds` (already checked against the flow's conditions) into a
 * version, waiting until `wakeAt`: new enrollments, and a new round for those whose last one ended
 * long enough ago under the re-entry policy. Put them in one batch with whatever marks the entry.
 */
export function entryStatements(ctx: Ctx, flow: { id: string; version: number }, definition: FlowDefinition, customerIds: string[], wakeAt: number, at: number): Statement[] {
  if (customerIds.length === 0) return [];
  const ids = sql.join(customerIds.map((id) => sql`${id}`), sql`, `);
  // Columns in the table's order (drizzle names them all): one enrollment per customer and version.
  const rows = sql`select 'enr_' || lower(hex(randomblob(12))), ${ctx.workspaceId}, ${flow.id}, ${flow.version}, ${customersTable.id}, 'waiting', 0, 0, ${wakeAt}, null, 0, null, ${at}, null, ${at}
    from ${customersTable} where ${customersTable.workspaceId} = ${ctx.workspaceId} and ${customersTable.id} in (${ids})`;
  const statements: Statement[] = [ctx.db.insert(enrollments).select(rows).onConflictDoNothing()];
  if (definition.reentry.policy === "after_days") {
    statements.push(
      ctx.db
        .update(enrollments)
        .set({ status: "waiting", round: sql`${enrollments.round} + 1`, step: 0, wakeAt, attempts: 0, arm: null, exitReason: null, convertedAt: null, enteredAt: at, updatedAt: at })
        .where(
          and(
            eq(enrollments.workspaceId, ctx.workspaceId),
            eq(enrollments.flowId, flow.id),
            eq(enrollments.version, flow.version),
            inArray(enrollments.customerId, customerIds),
            inArray(enrollments.status, ["completed", "exited"]),
            lte(enrollments.updatedAt, at - definition.reentry.days * DAY_MS),
          ),
        ),
    );
  }
  return statements;
}

/** Of `customerIds`, those matching the flow's entry conditions (all of them when it has none). */
async function meetingConditions(ctx: Ctx, definition: FlowDefinition, customerIds: string[]): Promise<string[]> {
  if (!definition.conditions || customerIds.length === 0) return customerIds;
  const rows = await ctx.db.select({ id: customersTable.id }).from(customersTable).where(and(filterCondition(ctx, definition.conditions), inArray(customersTable.id, customerIds)));
  const matching = new Set(rows.map((row) => row.id));
  return customerIds.filter((id) => matching.has(id));
}

/** Month-days (MM-DD) whose Gregorian birthdays may fall on `today` in either calendar. */
function birthdayCandidates(today: string): string[] {
  const candidates = [addDays(today, -1), today, addDays(today, 1)].map((day) => day.slice(5));
  if (candidates.includes("02-28")) candidates.push("02-29");
  return candidates;
}

/** Starts a chunked entry run for a flow. */
export function startEntry(ctx: Ctx, flow: { id: string; version: number }, kind: EntryKind, at: number): Promise<void> {
  return ctx.enqueue(ENTRY_JOB, { flowId: flow.id, version: flow.version, kind, cursor: null, at } satisfies EntryPayload as unknown as Record<string, unknown>);
}

function parsePayload(payload: Record<string, unknown>): EntryPayload | null {
  const { flowId, version, kind, cursor, at } = payload;
  if (typeof flowId !== "string" || typeof version !== "number" || typeof at !== "number") return null;
  if (kind !== "birthday" && kind !== "recurring" && kind !== "segment") return null;
  return { flowId, version, kind, cursor: typeof cursor === "string" ? cursor : null, at };
}

/** One chunk of an entry run; queues the next, or the wake-up job after the last. */
export async function runEntryJob(payload: Record<string, unknown>, ctx: Ctx): Promise<void> {
  const job = parsePayload(payload);
  if (!job) return;
  const [flow, definition] = await Promise.all([
    ctx.db.select({ status: flows.status, version: flows.version, baseline: flows.segmentBaseline }).from(flows).where(and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.id, job.flowId))).get(),
    loadVersion(ctx, job.flowId, job.version),
  ]);
  // Paused, or published again since: this run is over (the next occurrence uses the new version).
  if (!flow || !definition || flow.status !== "active" || flow.version !== job.version) return;
  const after = job.cursor ? gt(customersTable.id, job.cursor) : undefined;
  const trigger = definition.trigger;
  let read: string[];
  if (trigger.type === "segment") {
    read = await enterSegmentChunk(ctx, job, definition, trigger.segmentId, flow.baseline === trigger.segmentId);
  } else {
    const where: SQL | undefined =
      trigger.type === "date"
        ? sql`substr(${customersTable.birthday}, 6, 5) in (${sql.join(birthdayCandidates(localDay(job.at, ctx.timeZone)).map((d) => sql`${d}`), sql`, `)})`
        : definition.conditions
          ? filterCondition(ctx, definition.conditions)
          : undefined;
    const rows = await ctx.db
      .select({ id: customersTable.id, birthday: customersTable.birthday })
      .from(customersTable)
      .where(and(live(ctx), where, after))
      .orderBy(asc(customersTable.id))
      .limit(ENTRY_CHUNK);
    read = rows.map((row) => row.id);
    let entering = read;
    let wakeAt = job.at;
    if (trigger.type === "date") {
      const today = localDay(job.at, ctx.timeZone);
      entering = rows.filter((row) => row.birthday && isBirthdayOn(row.birthday, today, trigger.calendar)).map((row) => row.id);
      entering = await meetingConditions(ctx, definition, entering);
      // They wait for the flow's local time today (or go now when it has passed).
      wakeAt = Math.max(job.at, nextLocalTime(job.at - 1, trigger.at, ctx.timeZone));
      if (localDay(wakeAt, ctx.timeZone) !== today) wakeAt = job.at;
    }
    const statements = entryStatements(ctx, { id: job.flowId, version: job.version }, definition, entering, wakeAt, job.at);
    if (statements.length) await ctx.db.batch(statements as [Statement, ...Statement[]]);
  }
  if (read.length === ENTRY_CHUNK) {
    await ctx.enqueue(ENTRY_JOB, { ...job, cursor: read.at(-1)! } as unknown as Record<string, unknown>);
    return;
  }
  if (trigger.type === "segment" && flow.baseline !== trigger.segmentId) {
    await ctx.db.update(flows).set({ segmentBaseline: trigger.segmentId }).where(and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.id, job.flowId)));
  }
  await ctx.enqueue(WAKE_JOB, { at: job.at });
}

/**
 * A chunk of a segment scan: the segment's customers after the cursor, and the members recorded in
 * the same id range. Those not recorded are newly in the segment: recorded and entered in one batch
 * (so a chunk run twice enters no one twice); recorded members no longer in it are forgotten, so
 * coming back later is a new entry. The first scan after publishing only records who is there.
 */
async function enterSegmentChunk(ctx: Ctx, job: EntryPayload, definition: FlowDefinition, segmentId: string, baselineDone: boolean): Promise<string[]> {
  const segment = await segmentCondition(ctx, segmentId);
  if (!segment) return [];
  const after = job.cursor ? gt(customersTable.id, job.cursor) : undefined;
  const rows = await ctx.db.select({ id: customersTable.id }).from(customersTable).where(and(segment.condition, after)).orderBy(asc(customersTable.id)).limit(ENTRY_CHUNK);
  const matched = rows.map((row) => row.id);
  const end = matched.length === ENTRY_CHUNK ? matched.at(-1)! : null;
  const mine = and(eq(members.workspaceId, ctx.workspaceId), eq(members.flowId, job.flowId), eq(members.segmentId, segmentId));
  const range = and(mine, job.cursor ? gt(members.customerId, job.cursor) : undefined, end ? lte(members.customerId, end) : undefined);
  const recorded = new Set((await ctx.db.select({ id: members.customerId }).from(members).where(range)).map((row) => row.id));
  const inSegment = new Set(matched);
  const newcomers = matched.filter((id) => !recorded.has(id));
  const leavers = [...recorded].filter((id) => !inSegment.has(id));
  const statements: Statement[] = [];
  for (let start = 0; start < newcomers.length; start += MEMBER_ROWS_PER_INSERT) {
    const slice = newcomers.slice(start, start + MEMBER_ROWS_PER_INSERT);
    statements.push(ctx.db.insert(members).values(slice.map((customerId) => ({ workspaceId: ctx.workspaceId, flowId: job.flowId, segmentId, customerId, enteredAt: job.at }))).onConflictDoNothing());
  }
  if (leavers.length) statements.push(ctx.db.delete(members).where(and(mine, inArray(members.customerId, leavers))));
  if (baselineDone) statements.push(...entryStatements(ctx, { id: job.flowId, version: job.version }, definition, await meetingConditions(ctx, definition, newcomers), job.at, job.at));
  if (statements.length) await ctx.db.batch(statements as [Statement, ...Statement[]]);
  return matched;
}

/** The next occurrence of a recurring trigger after `at` (from the one that was due, `due`, when there was one). */
export function nextOccurrence(trigger: Extract<FlowTrigger, { type: "recurring" }>, at: number, timeZone: string, due: number | null): number {
  if (trigger.weekday !== undefined) {
    let next = nextLocalTime(at, trigger.at, timeZone);
    while (new Date(`${localDay(next, timeZone)}T12:00:00Z`).getUTCDay() !== trigger.weekday) next = nextLocalTime(next, trigger.at, timeZone);
    return next;
  }
  if (due === null) return nextLocalTime(at, trigger.at, timeZone);
  let next = due;
  while (next <= at) next = nextLocalTime(nextLocalTime(next, trigger.at, timeZone) + (trigger.everyDays! - 1) * DAY_MS - 60_000, trigger.at, timeZone);
  return next;
}

/** The minute tick: recurring flows whose occurrence has come, and segment flows due a scan, each start a chunked run (once: the due time moves on with a compare-and-set). */
export async function startDueEntries(ctx: Ctx): Promise<void> {
  const at = ctx.now();
  const due = await ctx.db
    .select({ id: flows.id, version: flows.version, triggerKey: flows.triggerKey, nextRunAt: flows.nextRunAt })
    .from(flows)
    .where(and(eq(flows.workspaceId, ctx.workspaceId), inArray(flows.triggerKey, ["recurring", "segment"]), eq(flows.status, "active"), or(isNull(flows.nextRunAt), lte(flows.nextRunAt, at))));
  for (const flow of due) {
    const definition = await loadVersion(ctx, flow.id, flow.version!);
    if (!definition) continue;
    const trigger = definition.trigger;
    const next = trigger.type === "recurring" ? nextOccurrence(trigger, at, ctx.timeZone, flow.nextRunAt) : at + SEGMENT_SCAN_EVERY_MS;
    // A recurring flow published just now waits for its first occurrence.
    const starts = trigger.type === "segment" || flow.nextRunAt !== null;
    const [moved] = await ctx.db
      .update(flows)
      .set({ nextRunAt: next })
      .where(and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.id, flow.id), flow.nextRunAt === null ? isNull(flows.nextRunAt) : eq(flows.nextRunAt, flow.nextRunAt)))
      .returning({ id: flows.id });
    if (moved && starts) await startEntry(ctx, { id: flow.id, version: flow.version! }, trigger.type === "recurring" ? "recurring" : "segment", at);
  }
}
