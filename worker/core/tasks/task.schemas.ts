// A task as the API takes it and gives it back.
import { z } from "@hono/zod-openapi";
import { TimeWithOffset } from "../calendar/calendar-day";
import { pageQuery } from "../data/cursor";
import { TASK_STATUSES } from "./tasks.schema";

const title = z.string().trim().min(1).max(200).openapi({ example: "Call back about the invoice" });
const notes = z.string().trim().min(1).max(4000);
const userId = z.string().min(1).max(64);
/** An ISO 8601 time with an offset ("2025-03-21T09:30:00+03:30"), as epoch milliseconds. */
const isoTime = TimeWithOffset.transform((value) => Date.parse(value)).openapi({ example: "2025-03-21T09:30:00+03:30" });

/** What any new task carries, on its own or as the follow-up of a logged call. */
const newTaskFields = {
  title,
  notes: notes.optional(),
  assigneeUserId: userId
    .nullable()
    .optional()
    .openapi({ description: "A staff member of the workspace; omitted means the caller, null leaves the task unassigned." }),
  dueAt: isoTime.optional(),
};

export const TaskCreateInput = z
  .object({
    ...newTaskFields,
    customerId: z.string().min(1).max(64).optional().openapi({ description: "A live customer of the workspace the task is about." }),
  })
  .strict()
  .openapi("TaskCreate");
/** A follow-up task about the customer an interaction is logged for: a new task without its customer. */
export const FollowUpTaskInput = z.object(newTaskFields).strict();
export type TaskCreate = z.infer<typeof TaskCreateInput>;

export const TaskUpdateInput = z
  .object({
    title: title.optional(),
    notes: notes.nullable().optional().openapi({ description: "null clears the notes." }),
    assigneeUserId: userId.nullable().optional().openapi({ description: "null unassigns the task." }),
    dueAt: isoTime.nullable().optional().openapi({ description: "null removes the due time." }),
    status: z.enum(TASK_STATUSES).optional().openapi({ description: "`done` records the completion time; reopening clears it." }),
  })
  .strict()
  // Only for an otherwise valid body: an unknown field is the error to report, not emptiness.
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "nothing_to_change", when: (payload) => payload.issues.length === 0 })
  .openapi("TaskUpdate");
export type TaskUpdate = z.infer<typeof TaskUpdateInput>;

// "true" or "false"; z.coerce.boolean would read "false" as true.
const flag = (description: string) =>
  z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .openapi({ type: "string", enum: ["true", "false"], description });

export const TaskListQuery = z.object({
  ...pageQuery,
  mine: flag("Only tasks assigned to the caller."),
  overdue: flag("Only open tasks whose due time has passed."),
  status: z.enum(TASK_STATUSES).optional(),
  customerId: z.string().min(1).max(64).optional(),
  assigneeUserId: userId.optional(),
  dueFrom: isoTime.optional().openapi({ description: "Only tasks due at or after this time (a calendar's first day); ISO 8601 with an offset." }),
  dueTo: isoTime.optional().openapi({ description: "Only tasks due before this time (the day after a calendar's last); ISO 8601 with an offset." }),
});

export const TaskIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "tsk_01jd…" }) });

export const TaskSchema = z
  .object({
    id: z.string(),
    customerId: z.string().nullable(),
    customerName: z
      .string()
      .nullable()
      .openapi({ description: "The customer's shown name, so a list needs no request per row; null without a customer, for one erased or merged away, or for a caller without `customers:read`." }),
    title: z.string(),
    notes: z.string().nullable(),
    assigneeUserId: z.string().nullable(),
    dueAt: z.string().nullable(),
    status: z.enum(TASK_STATUSES),
    completedAt: z.string().nullable(),
    overdue: z.boolean().openapi({ description: "Open and past its due time." }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Task");
export type TaskView = z.infer<typeof TaskSchema>;
