// The scheduler: on every cron tick, each due job of each plugin, for every workspace that has
// the plugin enabled. One workspace's failure is recorded and never stops the others.
import { and, eq } from "drizzle-orm";
import { now } from "../data/clock";
import { openDirectory, openWorkspace } from "../data/database";
import { scheduleRuns, workspacePlugins } from "../data/schema";
import { dispatchEvents } from "../delivery/dispatch";
import { effectiveSettings } from "../plugin-runtime/enabled-plugins";
import { buildPluginContext } from "../plugin-runtime/plugin-context";
import type { PluginRuntime } from "../plugin-runtime/plugin-runtime";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { isDue } from "./schedule-timing";

export interface ScheduleReport {
  ran: Array<{ workspaceId: string; pluginId: string; jobId: string; status: "ok" | "failed" }>;
}

export async function runSchedules(env: Env, runtime: PluginRuntime, at = now()): Promise<ScheduleReport> {
  const report: ScheduleReport = { ran: [] };
  const scheduled = runtime.plugins.filter((plugin) => plugin.schedules?.length);
  if (scheduled.length === 0) return report;
  const directory = openDirectory(env);
  for (const plugin of scheduled) {
    const enabledRows = await directory
      .select({ workspaceId: workspacePlugins.workspaceId, settings: workspacePlugins.settings })
      .from(workspacePlugins)
      .where(and(eq(workspacePlugins.pluginId, plugin.id), eq(workspacePlugins.enabled, true)));
    for (const row of enabledRows) {
      const lastRuns = new Map(
        (await directory.select().from(scheduleRuns).where(and(eq(scheduleRuns.workspaceId, row.workspaceId), eq(scheduleRuns.pluginId, plugin.id)))).map((run) => [run.jobId, run.lastRunAt]),
      );
      let workspace: Awaited<ReturnType<typeof getWorkspaceSettings>> | null = null;
      for (const job of plugin.schedules!) {
        try {
          workspace ??= await getWorkspaceSettings(env, row.workspaceId);
          if (!isDue(job.timing, at, lastRuns.get(job.id) ?? null, workspace.timeZone)) continue;
        } catch (error) {
          console.error("schedule check failed", row.workspaceId, plugin.id, job.id, String(error));
          continue;
        }
        const scope = openWorkspace(env, row.workspaceId);
        const started = Date.now();
        let status: "ok" | "failed" = "ok";
        let lastError: string | null = null;
        try {
          // The job's clock is the tick it was due at: a run late in a busy minute still sees its own time.
          await job.run(buildPluginContext(env, scope, plugin, effectiveSettings(plugin, row.settings), workspace, { now: () => at }));
          await dispatchEvents(env, row.workspaceId, scope.pendingEvents);
        } catch (error) {
          status = "failed";
          lastError = String(error instanceof Error ? error.message : error).slice(0, 1000);
          console.error("scheduled job failed", row.workspaceId, plugin.id, job.id, lastError);
        }
        const run = { lastRunAt: at, lastStatus: status, lastError, lastDurationMs: Date.now() - started };
        await directory
          .insert(scheduleRuns)
          .values({ workspaceId: row.workspaceId, pluginId: plugin.id, jobId: job.id, ...run })
          .onConflictDoUpdate({ target: [scheduleRuns.workspaceId, scheduleRuns.pluginId, scheduleRuns.jobId], set: run });
        report.ran.push({ workspaceId: row.workspaceId, pluginId: plugin.id, jobId: job.id, status });
      }
    }
  }
  return report;
}
