// Scheduled work at scale. The minute cron never loops over workspaces: it claims the workspaces
// whose work is due (one indexed query on workspace_due, a bounded number per tick) and hands
// each to the jobs queue as a workspace tick. A workspace tick, one queue invocation, runs that
// workspace's daily customer job and plugin schedules if due, queues staff's task digests when
// someone waits for today's, then records when it is next due.
// So a tick's D1 queries do not grow with the number of workspaces, and each workspace's work has
// an invocation's budget of its own.
import { z } from "@hono/zod-openapi";
import { now } from "../data/clock";
import { runDailyCustomerJob } from "../lifecycle/run-daily-customer-jobs";
import type { PluginRuntime } from "../plugin-runtime/plugin-runtime";
import { queueTaskDigests } from "../tasks/task-digest";
import { runWorkspaceSchedules } from "./run-schedules";
import { claimDueWorkspaces, setNextDue, workspaceForTick } from "./workspace-due.repository";

/** Workspaces handed to the jobs queue per cron tick (5 sendBatch calls); the next tick takes the rest. */
export const WORKSPACES_PER_TICK = 500;
/** A claimed workspace whose tick never reported back is claimed again after this. */
export const WORKSPACE_TICK_LEASE_MS = 10 * 60_000;
/** A workspace whose due time cannot be told (a broken time zone) is looked at again after this. */
const RECHECK_MS = 60 * 60_000;
const SEND_BATCH = 100;

export const WorkspaceTickMessageSchema = z.object({ type: z.literal("workspace.tick"), workspaceId: z.string(), at: z.number().int() });
export type WorkspaceTickMessage = z.infer<typeof WorkspaceTickMessageSchema>;

/** The cron's part: due workspaces to the jobs queue. */
export async function queueDueWorkspaces(env: Env, at = now()): Promise<{ queued: number }> {
  const due = await claimDueWorkspaces(env, at, WORKSPACES_PER_TICK, WORKSPACE_TICK_LEASE_MS);
  for (let start = 0; start < due.length; start += SEND_BATCH) {
    const messages = due.slice(start, start + SEND_BATCH).map((workspaceId) => ({ body: { type: "workspace.tick", workspaceId, at } satisfies WorkspaceTickMessage }));
    await env.JOBS_QUEUE.sendBatch(messages);
  }
  return { queued: due.length };
}

/** The jobs queue's part: one workspace's due work. */
export async function runWorkspaceTick(env: Env, runtime: PluginRuntime, message: WorkspaceTickMessage) {
  const { workspaceId, at } = message;
  const workspace = await workspaceForTick(env, workspaceId);
  if (!workspace) return null;
  let next: number;
  try {
    const daily = await runDailyCustomerJob(env, workspace, at);
    const schedules = await runWorkspaceSchedules(env, runtime, workspaceId, workspace, at);
    // Staff's daily task digests go in jobs of their own, each with its own D1 budget.
    const digests = await queueTaskDigests(env, workspace, at);
    next = Math.min(daily.nextDueAt, schedules.nextDueAt ?? Infinity, digests);
    // Never sooner than the next minute's tick: what is still due then is retried then.
    await setNextDue(env, workspaceId, Math.max(next, at + 60_000));
    return { daily: daily.run, schedules: schedules.ran };
  } catch (error) {
    console.error("workspace tick failed", workspaceId, String(error));
    await setNextDue(env, workspaceId, at + RECHECK_MS);
    return null;
  }
}
