// Tasks: follow-ups assigned to staff, optionally about one customer.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt, workspaceId } from "../data/columns";

export const TASK_STATUSES = ["open", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("tasks_workspace_id_idx").on(t.workspaceId, t.id),
    index("tasks_assignee_idx").on(t.workspaceId, t.assigneeUserId, t.status, t.dueAt),
    index("tasks_status_due_idx").on(t.workspaceId, t.status, t.dueAt),
    index("tasks_customer_idx").on(t.workspaceId, t.customerId, t.createdAt),
  ],
);
