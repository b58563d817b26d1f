// The tasks contract: list with filters, create, update (assign, reschedule, complete), and the
// count of the caller's due work for the bell in the top bar.
import { pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { z } from "@hono/zod-openapi";
import { TimeWithOffset } from "../calendar/calendar-day";
import { TaskCreateInput, TaskIdParam, TaskListQuery, TaskSchema, TaskUpdateInput } from "./task.schemas";

const taskResponse = (description: string) => ({ description, content: { "application/json": { schema: TaskSchema } } });
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const listTasksRoute = guardedRoute("tasks:read", {
  method: "get",
  path: "/api/tasks",
  tags: ["Tasks"],
  summary: "List tasks, soonest due first",
  description: "Undated tasks come last. Filters combine: `mine=true&overdue=true` is the caller's overdue work; `dueFrom`/`dueTo` give a calendar's days (undated tasks fall outside), paged like any list.",
  request: { query: TaskListQuery },
  responses: {
    200: { description: "A page of tasks.", content: { "application/json": { schema: pageSchema(TaskSchema) } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const createTaskRoute = guardedRoute("tasks:write", {
  method: "post",
  path: "/api/tasks",
  tags: ["Tasks"],
  summary: "Create a task",
  description: "The assignee defaults to the caller and must be a staff member; a customer must be a live customer of the workspace. Emits `task.created`.",
  request: { body: body(TaskCreateInput) },
  responses: { 201: taskResponse("The new task."), ...problemResponses },
});

export const updateTaskRoute = guardedRoute("tasks:write", {
  method: "patch",
  path: "/api/tasks/{id}",
  tags: ["Tasks"],
  summary: "Change a task's title, notes, assignee, due time or status",
  request: { params: TaskIdParam, body: body(TaskUpdateInput) },
  responses: { 200: taskResponse("The task as it is now."), ...problemResponses },
});

export const DueTasksSchema = z
  .object({
    overdue: z.number().int().openapi({ description: "Open tasks assigned to the caller whose due time has passed." }),
    dueToday: z.number().int().openapi({ description: "Open tasks assigned to the caller due later today, in the workspace's time zone." }),
    capped: z.boolean().openapi({ description: "True when there are more than the counts say (they stop at 100 together)." }),
    newlyAssigned: z
      .number()
      .int()
      .openapi({ description: "Open tasks given to the caller by someone else since `assignedSince` (at most 100); some may be counted above too." }),
  })
  .openapi("DueTasks");

export const dueTasksRoute = guardedRoute("tasks:read", {
  method: "get",
  path: "/api/tasks/due",
  tags: ["Tasks"],
  summary: "How many of my open tasks are overdue or due today",
  description: "For the bell in the top bar: one read of the assignee index, counting at most 100 tasks, and one of the assignment index.",
  request: {
    query: z.object({
      assignedSince: TimeWithOffset.transform((value) => Date.parse(value))
        .optional()
        .openapi({ description: "When the caller last opened the bell; tasks given to them after it are new. Default: the last 24 hours; never more than 7 days back." }),
    }),
  },
  responses: {
    200: { description: "The caller's due work.", content: { "application/json": { schema: DueTasksSchema } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});
