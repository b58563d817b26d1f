// Queries of workspace_due: claiming the due workspaces for a tick, and recording when one is
// next due.
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { coreJobRuns, workspaceDue, workspaces } from "../data/schema";
import { DAILY_CUSTOMER_JOB } from "../lifecycle/run-daily-customer-jobs";

/**
 * The workspaces due at `at`, oldest due first, at most `limit`, pushed `leaseMs` ahead in the
 * same statement: one D1 query, and a workspace whose job message is lost is claimed again once
 * the lease is over.
 */
export async function claimDueWorkspaces(env: Env, at: number, limit: number, leaseMs: number): Promise<string[]> {
  const directory = openDirectory(env);
  const due = directory.select({ id: workspaceDue.workspaceId }).from(workspaceDue).where(lte(workspaceDue.nextDueAt, at)).orderBy(asc(workspaceDue.nextDueAt)).limit(limit);
  const claimed = await directory
    .update(workspaceDue)
    .set({ nextDueAt: at + leaseMs })
    .where(and(lte(workspaceDue.nextDueAt, at), inArray(workspaceDue.workspaceId, due)))
    .returning({ workspaceId: workspaceDue.workspaceId });
  return claimed.map((row) => row.workspaceId);
}

export async function setNextDue(env: Env, workspaceId: string, nextDueAt: number): Promise<void> {
  await openDirectory(env).insert(workspaceDue).values({ workspaceId, nextDueAt }).onConflictDoUpdate({ target: workspaceDue.workspaceId, set: { nextDueAt } });
}

/** What a workspace tick needs of the workspace, with the daily customer job's last run: one query. */
export async function workspaceForTick(env: Env, workspaceId: string) {
  return (
    (await openDirectory(env)
      .select({ workspaceId: workspaces.id, lapsedDays: workspaces.lapsedDays, timeZone: workspaces.timeZone, locale: workspaces.locale, currency: workspaces.currency, lastRunAt: coreJobRuns.lastRunAt })
      .from(workspaces)
      .leftJoin(coreJobRuns, and(eq(coreJobRuns.workspaceId, workspaces.id), eq(coreJobRuns.jobId, DAILY_CUSTOMER_JOB)))
      .where(eq(workspaces.id, workspaceId))
      .get()) ?? null
  );
}
