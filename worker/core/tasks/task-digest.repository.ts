// Queries of the daily task digest: who still waits for today's, claiming one person's day (so a
// second cron tick never sends twice), and the tasks a digest lists.
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { openDirectory, type WorkspaceScope } from "../data/database";
import { tasks, users } from "../data/schema";
import type { TaskDigestChannel } from "../users/users.schema";
import { DIGEST_TITLES } from "./task-digest-text";

const WANTS_DIGEST: TaskDigestChannel[] = ["email", "sms"];

/** Not yet sent `day`'s digest: never sent, or last sent on an earlier local day. */
const waitingFor = (day: string) => or(isNull(users.taskDigestDay), lt(users.taskDigestDay, day));

/** Active staff of the workspace who want a digest and have not had `day`'s: a range of users_task_digest_idx. */
export function usersWaitingForDigest(env: Env, workspaceId: string, day: string, limit: number) {
  return openDirectory(env)
    .select({ id: users.id, name: users.name, email: users.email, mobile: users.mobile, locale: users.locale, channel: users.taskDigest })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.taskDigest, WANTS_DIGEST), waitingFor(day), eq(users.status, "active")))
    .orderBy(asc(users.id))
    .limit(limit);
}

/** Compare-and-set of the person's digest day: true for the one caller that moved it to `day`. */
export async function claimDigestDay(env: Env, workspaceId: string, userId: string, day: string): Promise<boolean> {
  const claimed = await openDirectory(env)
    .update(users)
    .set({ taskDigestDay: day })
    .where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId), inArray(users.taskDigest, WANTS_DIGEST), waitingFor(day)))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/** The person's first open tasks due before `endOfToday`, soonest first: a range of tasks_assignee_idx. */
export function firstDueTasks(scope: WorkspaceScope, userId: string, endOfToday: number) {
  return scope.db
    .select({ title: tasks.title, dueAt: tasks.dueAt })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, scope.workspaceId), eq(tasks.assigneeUserId, userId), eq(tasks.status, "open"), sql`${tasks.dueKey} < ${endOfToday}`))
    .orderBy(asc(tasks.dueKey), asc(tasks.id))
    .limit(DIGEST_TITLES);
}
