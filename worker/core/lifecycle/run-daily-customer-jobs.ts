// The core's daily customer job, run from the cron handler on every tick: once per local day per
// workspace (in its time zone, from local midnight on), it ages lifecycle stages and recomputes
// RFM scores. The last run of each workspace is kept in core_job_runs, so a minute cron does the
// work once a day; a failed run is recorded and retried the next local day (both passes work
// from the current state, so nothing is lost by skipping a day). One workspace's failure never
// stops the others.
import { and, eq } from "drizzle-orm";
import { now } from "../data/clock";
import { openDirectory, openWorkspace } from "../data/database";
import { coreJobRuns, workspaces } from "../data/schema";
import { dispatchEvents } from "../delivery/dispatch";
import { isDue } from "../schedules/schedule-timing";
import { ageCustomerStages } from "./age-stages";
import { recomputeRfm } from "./rfm";

export const DAILY_CUSTOMER_JOB = "customers.daily";
const TIMING = { every: "day", at: "00:00" } as const;

export interface DailyJobReport {
  ran: Array<{ workspaceId: string; status: "ok" | "failed"; atRisk: number; lapsed: number; scored: number }>;
}

const message = (error: unknown) => String(error instanceof Error ? error.message : error).slice(0, 1000);

export async function runDailyCustomerJobs(env: Env, at = now()): Promise<DailyJobReport> {
  const report: DailyJobReport = { ran: [] };
  const directory = openDirectory(env);
  // Two directory tables, read together: one row per workspace with its last run.
  const rows = await directory
    .select({ workspaceId: workspaces.id, lapsedDays: workspaces.lapsedDays, timeZone: workspaces.timeZone, lastRunAt: coreJobRuns.lastRunAt })
    .from(workspaces)
    .leftJoin(coreJobRuns, and(eq(coreJobRuns.workspaceId, workspaces.id), eq(coreJobRuns.jobId, DAILY_CUSTOMER_JOB)));
  for (const row of rows) {
    try {
      if (!isDue(TIMING, at, row.lastRunAt, row.timeZone)) continue;
    } catch (error) {
      console.error("daily customer job: cannot tell if due", row.workspaceId, message(error));
      continue;
    }
    const started = Date.now();
    const scope = openWorkspace(env, row.workspaceId);
    const errors: string[] = [];
    let aging = { atRisk: 0, lapsed: 0 };
    let rfm = { scored: 0 };
    try {
      aging = await ageCustomerStages(scope, { at, lapsedDays: row.lapsedDays, timeZone: row.timeZone });
    } catch (error) {
      errors.push(`stages: ${message(error)}`);
    }
    try {
      rfm = await recomputeRfm(scope);
    } catch (error) {
      errors.push(`rfm: ${message(error)}`);
    }
    // Whatever committed announces itself, even when a later pass failed.
    await dispatchEvents(env, row.workspaceId, scope.pendingEvents).catch((error) => errors.push(`dispatch: ${message(error)}`));
    const status = errors.length ? "failed" : "ok";
    if (errors.length) console.error("daily customer job failed", row.workspaceId, errors.join("; "));
    const run = { lastRunAt: at, lastStatus: status, lastError: errors.length ? errors.join("; ").slice(0, 1000) : null, lastDurationMs: Date.now() - started } as const;
    try {
      await directory
        .insert(coreJobRuns)
        .values({ workspaceId: row.workspaceId, jobId: DAILY_CUSTOMER_JOB, ...run })
        .onConflictDoUpdate({ target: [coreJobRuns.workspaceId, coreJobRuns.jobId], set: run });
    } catch (error) {
      console.error("daily customer job: cannot record the run", row.workspaceId, message(error));
    }
    report.ran.push({ workspaceId: row.workspaceId, status, ...aging, ...rfm });
  }
  return report;
}
