// The cron at a thousand workspaces: each tick, and each workspace's job on the jobs queue, must
// stay within the Workers Free plan's 50 D1 queries per invocation, and every workspace's work
// must still happen.
import { createExecutionContext, createMessageBatch, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { workerFor } from "../../../test/support/plugin-harness";
import { recordingQueues } from "../../../test/support/recording-queues";
import { scheduleCalls, stampsPlugin } from "../../../test/support/test-plugins";
import { emptyUsage, meteredD1 } from "../data/d1-meter";
import { DAILY_CUSTOMER_JOB } from "../lifecycle/run-daily-customer-jobs";
import { WORKSPACES_PER_TICK } from "./workspace-tick";

const FREE_PLAN_QUERIES = 50;
const WORKSPACES = 1_000;
const MINUTE = 60_000;
// 20:30 UTC is midnight in Tehran (UTC+03:30): every workspace's daily customer job is due.
const MIDNIGHT = Date.UTC(2026, 10, 25, 20, 30);

const worker = workerFor([stampsPlugin]);

/** One cron tick with D1 metered; returns its D1 calls and the jobs it queued. */
async function tick(at: number) {
  const usage = emptyUsage();
  const queues = recordingQueues({ ...env, DB: meteredD1(env.DB, usage) });
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: new Date(at), cron: "* * * * *" }), queues.env, ctx);
  await waitOnExecutionContext(ctx);
  return { calls: usage.calls, jobs: queues.takeJobs() };
}

/** Each job as the jobs queue delivers it (one per invocation); returns the most D1 calls one made. */
async function runJobs(jobs: unknown[]): Promise<number> {
  let most = 0;
  for (const [i, body] of jobs.entries()) {
    const usage = emptyUsage();
    const batch = createMessageBatch("edge-crm-jobs", [{ id: `job-${i}`, timestamp: new Date(), attempts: 1, body }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, DB: meteredD1(env.DB, usage) }, ctx);
    await waitOnExecutionContext(ctx);
    most = Math.max(most, usage.calls);
  }
  return most;
}

const count = async (sql: string, ...bindings: unknown[]) => (await env.DB.prepare(sql).bind(...bindings).first<{ n: number }>())!.n;

beforeAll(async () => {
  // A thousand workspaces with the stamps plugin (an hourly and a daily job), written directly.
  await env.DB.batch([
    env.DB.prepare(
      `insert into workspaces (id, name, created_at, updated_at)
       with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
       select printf('ws_scale%04d', i), 'Shop ' || i, ?, ? from n`,
    ).bind(WORKSPACES, MIDNIGHT - 7 * 86_400_000, MIDNIGHT - 7 * 86_400_000),
    env.DB.prepare(
      `insert into workspace_plugins (workspace_id, plugin_id, enabled, settings, updated_at)
       select id, 'stamps', 1, '{}', ? from workspaces where id like 'ws_scale%'`,
    ).bind(MIDNIGHT - 7 * 86_400_000),
  ]);
});

const workspacesOf = (jobs: unknown[]) => jobs.map((job) => (job as { workspaceId: string }).workspaceId);
/** Workspaces whose jobs are run through the consumer here (all 1,000 would take minutes on a busy machine). */
const SAMPLE = 20;

describe("the cron with a thousand workspaces", () => {
  it("hands every due workspace to the jobs queue once, within the plan's queries per tick, and each job stays within them too", async () => {
    expect(await count("select count(*) as n from workspace_due where next_due_at = 0")).toBe(WORKSPACES);

    // Midnight: all are due; a tick takes WORKSPACES_PER_TICK, the next minute's the rest.
    const first = await tick(MIDNIGHT);
    const second = await tick(MIDNIGHT + MINUTE);
    expect(first.calls).toBeLessThanOrEqual(FREE_PLAN_QUERIES);
    expect(second.calls).toBeLessThanOrEqual(FREE_PLAN_QUERIES);
    expect(first.jobs).toHaveLength(WORKSPACES_PER_TICK);
    const handed = workspacesOf([...first.jobs, ...second.jobs]);
    expect(handed).toHaveLength(WORKSPACES);
    expect(new Set(handed).size).toBe(WORKSPACES);

    // Each job is one workspace's daily customer job and plugin schedules, in an invocation of its own.
    scheduleCalls.length = 0;
    const sample = [...first.jobs.slice(0, SAMPLE / 2), ...second.jobs.slice(0, SAMPLE / 2)];
    expect(await runJobs(sample)).toBeLessThanOrEqual(FREE_PLAN_QUERIES);
    const ran = workspacesOf(sample);
    expect(await count("select count(*) as n from core_job_runs where job_id = ? and last_status = 'ok' and workspace_id in (select value from json_each(?))", DAILY_CUSTOMER_JOB, JSON.stringify(ran))).toBe(SAMPLE);
    expect(scheduleCalls.filter((call) => call.job === "hourly-stamp").map((call) => call.workspaceId).sort()).toEqual([...ran].sort());

    // An idle minute: nothing is due (the sample ran; the others are leased), and the tick costs a handful of queries.
    const idle = await tick(MIDNIGHT + 5 * MINUTE);
    expect(idle.jobs).toEqual([]);
    expect(idle.calls).toBeLessThanOrEqual(10);

    // At the next hour the sample's hourly job is due again (and the others, whose lease is over).
    const hour = MIDNIGHT + 30 * MINUTE;
    const hourly = workspacesOf([...(await tick(hour)).jobs, ...(await tick(hour + MINUTE)).jobs]);
    expect(new Set(hourly).size).toBe(WORKSPACES);
  });

  it("hands a workspace out again when its job message is lost, once the lease is over", async () => {
    const at = MIDNIGHT + 2 * 86_400_000;
    const lost = workspacesOf([...(await tick(at)).jobs, ...(await tick(at + MINUTE)).jobs]);
    expect(new Set(lost).size).toBe(WORKSPACES);
    // Nothing ran; within the lease no tick hands them out, after it the next tick does.
    expect((await tick(at + 5 * MINUTE)).jobs).toEqual([]);
    expect((await tick(at + 12 * MINUTE)).jobs).toHaveLength(WORKSPACES_PER_TICK);
  });
});
