// A new task as its form holds it, and the body the API takes from it (POST /api/tasks, or a
// logged call's `followUp`): the due day and time are the workspace's wall clock.
import { isTimeOfDay } from "../../components/time-of-day";
import type { ChosenCustomer } from "./customer-picker";
import { dueInstant } from "./due-date";

export interface TaskDraft {
  title: string;
  notes: string;
  /** The due day, "YYYY-MM-DD" ("" for none), typed in the reader's calendar. */
  day: string;
  /** "HH:MM" on the 24-hour clock, "" for the end of the day, or unfinished text. */
  time: string;
  /** A staff member's id, or "" for nobody yet. */
  assigneeUserId: string;
  customer: ChosenCustomer | null;
}

/** The fields of a task body as POST /api/tasks and a call's `followUp` take them. */
export interface NewTaskBody {
  title: string;
  notes?: string;
  dueAt?: string;
  assigneeUserId: string | null;
  customerId?: string;
}

/** The body to send; a time that is no time of day goes as typed, so the API's message names it. */
export function newTaskBody(draft: TaskDraft, timeZone: string): NewTaskBody {
  const time = draft.time.trim();
  const dueAt = !draft.day ? undefined : time && !isTimeOfDay(time) ? `${draft.day}T${time}` : new Date(dueInstant(draft.day, time, timeZone)).toISOString();
  return {
    title: draft.title,
    ...(draft.notes.trim() ? { notes: draft.notes } : {}),
    ...(dueAt ? { dueAt } : {}),
    assigneeUserId: draft.assigneeUserId || null,
    ...(draft.customer ? { customerId: draft.customer.id } : {}),
  };
}

/** The body fields these inputs show, for the problems none of them claims. */
export const TASK_FIELDS = ["title", "notes", "dueAt", "assigneeUserId", "customerId"];
