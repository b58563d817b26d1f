// The tasks contract: list with filters, create, update (assign, reschedule, complete).
import { pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { TaskCreateInput, TaskIdParam, TaskListQuery, TaskSchema, TaskUpdateInput } from "./task.schemas";

const taskResponse = (description: string) => ({ description, content: { "application/json": { schema: TaskSchema } } });
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const listTasksRoute = guardedRoute("tasks:read", {
  method: "get",
  path: "/api/tasks",
  tags: ["Tasks"],
  summary: "List tasks, soonest due first",
  description: "Undated tasks come last. Filters combine: `mine=true&overdue=true` is the caller's overdue work.",
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
