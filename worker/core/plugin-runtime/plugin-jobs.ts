// Plugins' queued work: `ctx.enqueue(job, payload)` puts a message on the jobs queue, and the jobs
// queue's consumer runs the plugin's `jobs[job]` for that workspace, one message per invocation,
// so a long task (a campaign to a whole segment) runs in chunks that each have an invocation's
// D1 queries. Only where the plugin is still enabled; a job that throws is retried a few times.
import { withQueryCount } from "../data/d1-meter";
import { openWorkspace } from "../data/database";
import { queriesPerInvocation } from "../import/chunk-rows";
import { dispatchEvents } from "../delivery/dispatch";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { buildPluginContext } from "./plugin-context";
import type { PluginJobMessage } from "./plugin-job-message";
import type { PluginRuntime } from "./plugin-runtime";

/** Runs one queued plugin job; false when there is nothing to run (plugin unknown, disabled or job gone). */
export async function runPluginJob(plainEnv: Env, runtime: PluginRuntime, message: PluginJobMessage): Promise<boolean> {
  // Every query of the invocation is counted, so the job knows what it has left (ctx.queriesLeft).
  const { env, usage } = withQueryCount(plainEnv);
  const allowance = queriesPerInvocation(plainEnv);
  const plugin = runtime.byId.get(message.pluginId);
  const run = plugin?.jobs?.[message.job];
  if (!plugin || !run) return false;
  const [enabled, workspace] = await Promise.all([runtime.enabled(env, message.workspaceId), getWorkspaceSettings(env, message.workspaceId)]);
  const mine = enabled.find((entry) => entry.plugin.id === plugin.id);
  if (!mine) return false;
  const scope = openWorkspace(env, message.workspaceId);
  // The job's "now" is never before the enqueuer's: a job queued by a schedule's tick sees at least that tick's time.
  const queuedAt = message.at ?? 0;
  const context = buildPluginContext(env, scope, plugin, mine.settings, workspace, { now: () => Math.max(queuedAt, Date.now()), enabled });
  await run(message.payload, Object.assign(context, { queriesLeft: () => allowance - usage.calls }));
  await dispatchEvents(env, message.workspaceId, scope.pendingEvents);
  return true;
}
