// Tasks as a plugin makes them: a follow-up for a staff member, written with its `task.created`
// event in the batch of the change that calls for it (in an `on` hook, through ctx.write: once).
import { eventEntry } from "../core/events/outbox";
import { newId } from "../core/data/ids";
import { tasks } from "../core/data/schema";
import { scopeOfContext } from "../core/plugin-runtime/plugin-context";
import type { PluginContext, Statement } from "./types";

export interface FollowUpTask {
  title: string;
  notes?: string | null;
  customerId: string | null;
  assigneeUserId: string | null;
  dueAt: number | null;
}

/** The new task's id, and its insert with its `task.created` event, for one batch with the change that opens it. */
export function followUpTask(ctx: PluginContext<unknown>, task: FollowUpTask): { taskId: string; statements: Statement[] } {
  const scope = scopeOfContext(ctx);
  const at = ctx.now();
  const taskId = newId("tsk", at);
  const statements: Statement[] = [
    ctx.db.insert(tasks).values({
      id: taskId,
      workspaceId: ctx.workspaceId,
      customerId: task.customerId,
      title: task.title.slice(0, 200),
      notes: task.notes ?? null,
      assigneeUserId: task.assigneeUserId,
      dueAt: task.dueAt,
      status: "open",
      createdBy: `plugin:${ctx.pluginId}`,
      createdAt: at,
      updatedAt: at,
    }),
    eventEntry(scope, "task.created", { taskId, customerId: task.customerId, assigneeUserId: task.assigneeUserId }, null),
  ];
  return { taskId, statements };
}
