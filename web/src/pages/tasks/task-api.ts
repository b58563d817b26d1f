// A task as GET/POST/PATCH /api/tasks give it (worker/core/tasks/task.schemas.ts), and the four
// views of the tasks page as the list route's filters.
import type { Query } from "../../api/client";

export interface Task {
  id: string;
  customerId: string | null;
  /** Named by the task list itself (null: no customer, gone, or not readable). */
  customerName: string | null;
  title: string;
  notes: string | null;
  assigneeUserId: string | null;
  dueAt: string | null;
  status: "open" | "done" | "cancelled";
  completedAt: string | null;
  overdue: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export const TASK_VIEWS = ["mine", "overdue", "open", "done"] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const PAGE_SIZE = 25;

/** Mine is the caller's open work; overdue is everyone's open work past its due time. */
export const VIEW_QUERY: Record<TaskView, Query> = {
  mine: { mine: "true", status: "open" },
  overdue: { overdue: "true" },
  open: { status: "open" },
  done: { status: "done" },
};

export const isTaskView = (value: string | null | undefined): value is TaskView => TASK_VIEWS.includes(value as TaskView);
