// One workspace's plugin schedules, run by its workspace tick (workspace-tick.ts) on the jobs
// queue: each due job of each plugin the workspace has enabled. A failing job is recorded and
// never stops the others. Returns when the workspace's next plugin job is due.
import { eq } from "drizzle-orm";
import { openDirectory, openWorkspace } from "../data/database";
import { scheduleRuns } from "../data/schema";
import { dispatchEvents } from "../delivery/dispatch";
import { buildPluginContext, type WorkspaceFacts } from "../plugin-runtime/plugin-context";
import type { PluginRuntime } from "../plugin-runtime/plugin-runtime";
import { isDue, nextDueAt } from "./schedule-timing";

export interface ScheduleReport {
  ran: Array<{ workspaceId: string; pluginId: string; jobId: string; status: "ok" | "failed" }>;
  /** When a job of this workspace is next due; null when it has none. */
  nextDueAt: number | null;
}

export async function runWorkspaceSchedules(env: Env, runtime: PluginRuntime, workspaceId: string, workspace: WorkspaceFacts, at: number): Promise<ScheduleReport> {
  const { timeZone } = workspace;
  const report: ScheduleReport = { ran: [], nextDueAt: null };
  if (!runtime.plugins.some((plugin) => plugin.schedules?.length)) return report;
  const everyEnabled = await runtime.enabled(env, workspaceId);
  const enabled = everyEnabled.filter(({ plugin }) => plugin.schedules?.length);
  if (enabled.length === 0) return report;
  const directory = openDirectory(env);
  const lastRuns = new Map(
    (await directory.select().from(scheduleRuns).where(eq(scheduleRuns.workspaceId, workspaceId))).map((run) => [`${run.pluginId}/${run.jobId}`, run.lastRunAt]),
  );
  for (const { plugin, settings } of enabled) {
    for (const job of plugin.schedules!) {
      const key = `${plugin.id}/${job.id}`;
      let due: boolean;
      try {
        due = isDue(job.timing, at, lastRuns.get(key) ?? null, timeZone);
      } catch (error) {
        console.error("schedule check failed", workspaceId, key, String(error));
        continue;
      }
      if (due) {
        const scope = openWorkspace(env, workspaceId);
        const started = Date.now();
        let status: "ok" | "failed" = "ok";
        let lastError: string | null = null;
        try {
          // The job's clock is the tick it was due at: a run late in a busy minute still sees its own time.
          await job.run(buildPluginContext(env, scope, plugin, settings, workspace, { now: () => at, enabled: everyEnabled }));
          await dispatchEvents(env, workspaceId, scope.pendingEvents);
        } catch (error) {
          status = "failed";
          lastError = String(error instanceof Error ? error.message : error).slice(0, 1000);
          console.error("scheduled job failed", workspaceId, key, lastError);
        }
        const run = { lastRunAt: at, lastStatus: status, lastError, lastDurationMs: Date.now() - started };
        await directory
          .insert(scheduleRuns)
          .values({ workspaceId, pluginId: plugin.id, jobId: job.id, ...run })
          .onConflictDoUpdate({ target: [scheduleRuns.workspaceId, scheduleRuns.pluginId, scheduleRuns.jobId], set: run });
        lastRuns.set(key, at);
        report.ran.push({ workspaceId, pluginId: plugin.id, jobId: job.id, status });
      }
      const next = nextDueAt(job.timing, at, lastRuns.get(key) ?? null, timeZone);
      report.nextDueAt = Math.min(report.nextDueAt ?? Infinity, next);
    }
  }
  return report;
}
