// Every query on tasks. Every function takes the workspace scope first.
import { and, asc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { toIso } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { customers, tasks } from "../data/schema";
import { eventEntry } from "../events/outbox";
import type { TaskView } from "./task.schemas";
import type { TaskStatus } from "./tasks.schema";

export type TaskRow = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;

export interface TaskFilter {
  assigneeUserIds: string[];
  status?: TaskStatus;
  customerId?: string;
  /** Only open tasks due before this time. */
  overdueAt?: number;
  /** Only tasks due in [dueFrom, dueTo): a calendar's days. Undated tasks fall outside any range. */
  dueFrom?: number;
  dueTo?: number;
}

/** The keyset of task lists: due time (undated last), then id. */
export type TaskKey = [dueKey: number, id: string];

export function findTask(scope: WorkspaceScope, taskId: string): Promise<TaskRow | undefined> {
  return scope.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, scope.workspaceId), eq(tasks.id, taskId)))
    .get();
}

/** Filters combine with AND: `mine` together with another assignee finds nothing, as it should. */
function filterConditions(scope: WorkspaceScope, filter: TaskFilter): Array<SQL | undefined> {
  return [
    eq(tasks.workspaceId, scope.workspaceId),
    ...filter.assigneeUserIds.map((userId) => eq(tasks.assigneeUserId, userId)),
    filter.status ? eq(tasks.status, filter.status) : undefined,
    filter.customerId ? eq(tasks.customerId, filter.customerId) : undefined,
    filter.overdueAt !== undefined ? eq(tasks.status, "open") : undefined,
    // On due_key, the indexed column, so a range is a range of the index the other filters pick.
    filter.dueFrom !== undefined ? gte(tasks.dueKey, filter.dueFrom) : undefined,
    filter.dueTo !== undefined ? lt(tasks.dueKey, filter.dueTo) : undefined,
  ];
}

/** The query of one page of tasks, soonest due first, plus one row to know whether a next page exists. */
export function listTasksQuery(scope: WorkspaceScope, filter: TaskFilter, page: { after: TaskKey | null; limit: number }) {
  const after = page.after ? sql`(${tasks.dueKey}, ${tasks.id}) > (${page.after[0]}, ${page.after[1]})` : undefined;
  return scope.db
    .select()
    .from(tasks)
    .where(and(...filterConditions(scope, filter), after))
    .orderBy(asc(tasks.dueKey), asc(tasks.id))
    .limit(page.limit + 1);
}

export async function listTasks(scope: WorkspaceScope, filter: TaskFilter, page: { after: TaskKey | null; limit: number }): Promise<TaskRow[]> {
  const rows = await listTasksQuery(scope, filter, page);
  // Overdue tasks are the front of the open tasks in due order, so the time bound is applied
  // here: as a `due_key < ?` term it tempts SQLite's planner onto the workspace-wide index.
  const overdueAt = filter.overdueAt;
  return overdueAt === undefined ? rows : rows.filter((row) => row.dueKey !== null && row.dueKey < overdueAt);
}

/** The bell counts no further than this: past it, "99+" says all there is to say. */
export const DUE_COUNT_CAP = 100;

/**
 * A user's open tasks due before `endOfToday`, split at `time` into overdue and due later today.
 * The inner query is a range of tasks_assignee_idx (workspace, assignee, status, due key) that
 * stops after DUE_COUNT_CAP rows, so the bell costs the same however much work piles up.
 */
export function dueTasksQuery(scope: WorkspaceScope, userId: string, time: number, endOfToday: number) {
  return sql<{ overdue: number | null; total: number }>`select sum(due_key < ${time}) as overdue, count(*) as total from (
    select ${tasks.dueKey} as due_key from ${tasks}
    where ${tasks.workspaceId} = ${scope.workspaceId} and ${tasks.assigneeUserId} = ${userId} and ${tasks.status} = 'open' and ${tasks.dueKey} < ${endOfToday}
    limit ${DUE_COUNT_CAP + 1})`;
}

export async function countDueTasks(scope: WorkspaceScope, userId: string, time: number, endOfToday: number) {
  const row = await scope.db.get<{ overdue: number | null; total: number }>(dueTasksQuery(scope, userId, time, endOfToday));
  const total = Math.min(row.total, DUE_COUNT_CAP);
  const overdue = Math.min(row.overdue ?? 0, total);
  return { overdue, dueToday: total - overdue, capped: row.total > DUE_COUNT_CAP };
}

/**
 * How many open tasks were given to the user by someone else since `since` (at most
 * DUE_COUNT_CAP + 1 counted): a range of tasks_assigned_idx.
 */
export function newlyAssignedQuery(scope: WorkspaceScope, userId: string, since: number) {
  return sql<{ total: number }>`select count(*) as total from (
    select 1 from ${tasks}
    where ${tasks.workspaceId} = ${scope.workspaceId} and ${tasks.assigneeUserId} = ${userId} and ${tasks.assignedAt} > ${since}
      and ${tasks.assignedBy} <> ${userId} and ${tasks.status} = 'open'
    limit ${DUE_COUNT_CAP + 1})`;
}

export async function countNewlyAssigned(scope: WorkspaceScope, userId: string, since: number): Promise<number> {
  const row = await scope.db.get<{ total: number }>(newlyAssignedQuery(scope, userId, since));
  return Math.min(row.total, DUE_COUNT_CAP);
}

/** The shown names of the live customers these tasks are about: one query for a whole page. */
export async function customerNamesOf(scope: WorkspaceScope, rows: TaskRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.customerId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await scope.db
    .select({ id: customers.id, displayName: customers.displayName, code: customers.code })
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), inList(customers.id, ids), isNull(customers.mergedInto), isNull(customers.erasedAt)));
  return new Map(found.map((customer) => [customer.id, customer.displayName || customer.code || ""]));
}

/** The task and its `task.created` event, committed together. */
export async function createTask(scope: WorkspaceScope, task: Omit<NewTask, "workspaceId">, actorUserId: string | null): Promise<void> {
  await scope.db.batch([
    scope.db.insert(tasks).values({ ...task, workspaceId: scope.workspaceId }),
    eventEntry(scope, "task.created", { taskId: task.id, customerId: task.customerId ?? null, assigneeUserId: task.assigneeUserId ?? null }, actorUserId),
  ]);
}

export type TaskChanges = Partial<Pick<TaskRow, "title" | "notes" | "assigneeUserId" | "assignedAt" | "assignedBy" | "dueAt" | "status" | "completedAt" | "updatedAt">>;

/** The task changed and, when given, the audit row that records it, committed together. */
export async function updateTask(scope: WorkspaceScope, taskId: string, changes: TaskChanges, audit?: BatchItem<"sqlite">): Promise<TaskRow | undefined> {
  const update = scope.db
    .update(tasks)
    .set(changes)
    .where(and(eq(tasks.workspaceId, scope.workspaceId), eq(tasks.id, taskId)))
    .returning();
  if (!audit) return (await update)[0];
  const [rows] = await scope.db.batch([update, audit]);
  return rows[0];
}

export async function tasksByIds(scope: WorkspaceScope, ids: string[]): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  return scope.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, scope.workspaceId), inList(tasks.id, ids)));
}

/**
 * The timeline branch of tasks: (kind, id, at) of a customer's tasks before the cursor, read
 * from tasks_customer_idx alone.
 */
export function taskTimelineKeys(scope: WorkspaceScope, customerId: string, before: { at: number; id: string } | null): SQL {
  const older = before ? sql` and (${tasks.timelineAt}, ${tasks.id}) < (${before.at}, ${before.id})` : sql``;
  return sql`select 'task' as kind, ${tasks.id} as id, ${tasks.timelineAt} as at from ${tasks}
    where ${tasks.workspaceId} = ${scope.workspaceId} and ${tasks.customerId} = ${customerId}${older}`;
}

/** The task as the API shows it; `time` is "now", for the overdue flag. */
export function presentTask(row: TaskRow, time: number, customerName: string | null = null): TaskView {
  return {
    id: row.id,
    customerId: row.customerId,
    customerName,
    title: row.title,
    notes: row.notes,
    assigneeUserId: row.assigneeUserId,
    dueAt: toIso(row.dueAt),
    status: row.status,
    completedAt: toIso(row.completedAt),
    overdue: row.status === "open" && row.dueAt !== null && row.dueAt < time,
    createdBy: row.createdBy,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}
