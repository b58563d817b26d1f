// Tasks: follow-ups assigned to staff, optionally about one customer.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt, workspaceId } from "../data/columns";

export const TASK_STATUSES = ["open", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Sorts after every real due time (it is the largest time a JS Date can hold). */
export const NO_DUE_KEY = 8_640_000_000_000_000;

export const tasks = sqliteTable(
  "tasks",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id"),
    title: text("title").notNull(),
    notes: text("notes"),
    assigneeUserId: text("assignee_user_id"),
    dueAt: integer("due_at"),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
    completedAt: integer("completed_at"),
    createdBy: text("created_by"),
    // When the task was last given to its assignee, and by whom: the bell tells "newly assigned to
    // me by someone else" from these. Null while unassigned.
    assignedAt: integer("assigned_at"),
    assignedBy: text("assigned_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Derived sort keys, stored in indexes so lists page by keyset without a sort step.
    // Task lists run by due time, undated tasks last.
    dueKey: integer("due_key").generatedAlwaysAs(sql`coalesce(due_at, ${sql.raw(String(NO_DUE_KEY))})`, { mode: "virtual" }),
    // A task stands on the customer's timeline at its due time (where the follow-up happens),
    // or at its creation when it has none.
    timelineAt: integer("timeline_at").generatedAlwaysAs(sql`coalesce(due_at, created_at)`, { mode: "virtual" }),
  },
  (t) => [
    // By id for exports and other whole-workspace walks.
    index("tasks_workspace_id_idx").on(t.workspaceId, t.id),
    index("tasks_workspace_due_idx").on(t.workspaceId, t.dueKey, t.id),
    index("tasks_status_due_idx").on(t.workspaceId, t.status, t.dueKey, t.id),
    index("tasks_assignee_idx").on(t.workspaceId, t.assigneeUserId, t.status, t.dueKey, t.id),
    index("tasks_assigned_idx").on(t.workspaceId, t.assigneeUserId, t.assignedAt),
    index("tasks_customer_idx").on(t.workspaceId, t.customerId, t.timelineAt, t.id),
  ],
);
