// Tasks as a plugin makes them: a follow-up for a staff member, written with its `task.created`
// event in the batch of the change that calls for it (in an `on` hook, through ctx.write: once);
// and the staff a task may be given to: the workspace's active members.
import { and, asc, eq, inArray } from "drizzle-orm";
import { openDirectory } from "../core/data/database";
import { eventEntry } from "../core/events/outbox";
import { newId } from "../core/data/ids";
import { tasks, users } from "../core/data/schema";
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

/**
 * The workspace's active staff members (id and name), by name: who a task may be given to. With
 * `ids`, only those of them, so a plugin checks a chosen assignee when it is saved.
 */
export async function activeMembers(ctx: PluginContext<unknown>, options: { ids?: string[]; limit?: number } = {}): Promise<Array<{ id: string; name: string }>> {
  if (options.ids?.length === 0) return [];
  return openDirectory(ctx.env)
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.workspaceId), eq(users.status, "active"), options.ids ? inArray(users.id, options.ids) : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .limit(options.limit ?? 100);
}
