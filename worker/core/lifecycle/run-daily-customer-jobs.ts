// The core's daily customer job for one workspace, run by its workspace tick on the jobs queue:
// once per local day (in its time zone, from local midnight on), it ages lifecycle stages and
// recomputes RFM scores, writing only the customers whose stage or scores change. The last run
// is kept in core_job_runs; a failed run is recorded and retried the next local day (both passes
// work from the current state, so nothing is lost by skipping a day).
import { now } from "../data/clock";
import { openDirectory, openWorkspace } from "../data/database";
import { coreJobRuns } from "../data/schema";
import { dispatchEvents } from "../delivery/dispatch";
import { isDue, nextDueAt } from "../schedules/schedule-timing";
import { ageCustomerStages } from "./age-stages";
import { recomputeRfm } from "./rfm";

export const DAILY_CUSTOMER_JOB = "customers.daily";
export const DAILY_CUSTOMER_TIMING = { every: "day", at: "00:00" } as const;

export interface DailyJobRun {
  workspaceId: string;
  status: "ok" | "failed";
  atRisk: number;
  lapsed: number;
  scored: number;
}

export interface DailyJobWorkspace {
  workspaceId: string;
  lapsedDays: number;
  timeZone: string;
  /** The job's last run here, or null. */
  lastRunAt: number | null;
}

const message = (error: unknown) => String(error instanceof Error ? error.message : error).slice(0, 1000);

/** Runs the job if it is due; returns the run (or null) and when it is next due. */
export async function runDailyCustomerJob(env: Env, workspace: DailyJobWorkspace, at = now()): Promise<{ run: DailyJobRun | null; nextDueAt: number }> {
  const { workspaceId, timeZone } = workspace;
  if (!isDue(DAILY_CUSTOMER_TIMING, at, workspace.lastRunAt, timeZone)) return { run: null, nextDueAt: nextDueAt(DAILY_CUSTOMER_TIMING, at, workspace.lastRunAt, timeZone) };
  const started = Date.now();
  const scope = openWorkspace(env, workspaceId);
  const errors: string[] = [];
  let aging = { atRisk: 0, lapsed: 0 };
  let rfm = { scored: 0 };
  try {
    aging = await ageCustomerStages(scope, { at, lapsedDays: workspace.lapsedDays, timeZone });
  } catch (error) {
    errors.push(`stages: ${message(error)}`);
  }
  try {
    rfm = await recomputeRfm(scope);
  } catch (error) {
    errors.push(`rfm: ${message(error)}`);
  }
  // Whatever committed announces itself, even when a later pass failed.
  await dispatchEvents(env, workspaceId, scope.pendingEvents).catch((error) => errors.push(`dispatch: ${message(error)}`));
  const status = errors.length ? "failed" : "ok";
  if (errors.length) console.error("daily customer job failed", workspaceId, errors.join("; "));
  const run = { lastRunAt: at, lastStatus: status, lastError: errors.length ? errors.join("; ").slice(0, 1000) : null, lastDurationMs: Date.now() - started } as const;
  try {
    await openDirectory(env)
      .insert(coreJobRuns)
      .values({ workspaceId, jobId: DAILY_CUSTOMER_JOB, ...run })
      .onConflictDoUpdate({ target: [coreJobRuns.workspaceId, coreJobRuns.jobId], set: run });
  } catch (error) {
    console.error("daily customer job: cannot record the run", workspaceId, message(error));
  }
  return { run: { workspaceId, status, ...aging, ...rfm }, nextDueAt: nextDueAt(DAILY_CUSTOMER_TIMING, at, at, timeZone) };
}
