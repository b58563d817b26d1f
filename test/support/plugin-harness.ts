// The plugin test harness: a Worker built from the plugins under test, a workspace with them
// enabled, and explicit control of what runs in the background in production (the delivery
// queue and the cron), so a test can emit events, drain the queue and run schedules at a
// chosen time. Used by the runtime's tests and by every plugin's own tests.
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { and, asc, eq } from "drizzle-orm";
import { openWorkspace } from "../../worker/core/data/database";
import { events } from "../../worker/core/data/schema";
import { dispatchEvents } from "../../worker/core/delivery/dispatch";
import { validatedEventEntry } from "../../worker/core/events/outbox";
import type { AnyPlugin } from "../../worker/core/plugin-runtime/validate-plugins";
import { createWorker } from "../../worker/entry";
import { ApiClient, signUp, type Fetcher } from "./client";
import { recordingQueues, type RecordingQueues } from "./recording-queues";

export type TestWorker = ReturnType<typeof createWorker>;

export interface DrainReport {
  /** Queue deliveries made, retries included. */
  deliveries: number;
  /** Messages the consumer asked to retry (each retried at once here, without the back-off wait). */
  retries: number;
}

export function workerFor(plugins: readonly AnyPlugin[], overrides: Record<string, unknown> = {}): TestWorker & Fetcher & { queues: RecordingQueues } {
  const worker = createWorker(plugins);
  const handle = worker.fetch;
  // Requests and deliveries see queues that record: what a route or a hook queues on the jobs queue is run by `runJobs`.
  const base = { ...env, ...overrides } as Env;
  const queues = recordingQueues(base);
  return Object.assign(worker, {
    base,
    queues,
    fetch: (request: Request) => handle(request, queues.env, createExecutionContext()),
  }) as TestWorker & Fetcher & { queues: RecordingQueues };
}

/** The env a test worker's handlers run with: its recording queues when it has them. */
const envOf = (worker: TestWorker): Env => (worker as TestWorker & { queues?: RecordingQueues }).queues?.env ?? env;
/** The env a test worker was built with, before its recording queues. */
const baseOf = (worker: TestWorker): Env => (worker as TestWorker & { base?: Env }).base ?? env;

export async function createPluginTestbed(options: {
  plugins: readonly AnyPlugin[];
  enable?: string[];
  settings?: Record<string, Record<string, unknown>>;
  /** Bindings to change for this Worker's requests, deliveries and jobs (e.g. `D1_QUERIES_PER_INVOCATION`, `D1_METER`). */
  env?: Record<string, unknown>;
}) {
  const worker = workerFor(options.plugins, options.env);
  const { owner, workspaceId, me } = await signUp({ worker });
  for (const id of options.enable ?? options.plugins.map((plugin) => plugin.id)) {
    const response = await owner.patch(`/api/plugins/${id}`, { enabled: true, ...(options.settings?.[id] ? { settings: options.settings[id] } : {}) });
    if (response.status !== 200) throw new Error(`enabling ${id} failed: ${response.status} ${response.text}`);
  }
  return {
    worker,
    owner,
    workspaceId,
    me,
    /** Writes an event as a core change or a plugin would (the outbox row only). */
    async emit(name: string, payload: Record<string, unknown>): Promise<string> {
      const scope = openWorkspace(env, workspaceId);
      await validatedEventEntry(scope, name, payload, null).run();
      return scope.pendingEvents[0]!;
    },
    drain: (drainOptions?: { maxRounds?: number }) => drainEvents(worker, workspaceId, drainOptions),
    /**
     * Runs the cron handler as Cloudflare would at `at` (sweeper, schedules, daily jobs), then the
     * jobs it queued through the jobs queue's consumer; returns the event messages it (re-)sent.
     */
    tick: (at: Date) => tickWorker(worker, at),
    /** The jobs-queue messages requests, hooks and jobs queued since the last take (to redeliver one). */
    takeJobs: () => worker.queues.takeJobs(),
    /**
     * Runs the jobs queued so far (or `bodies`) through the jobs queue's consumer, then the jobs
     * those queued, until none is left; returns how many ran.
     */
    runJobs: (bodies?: readonly unknown[]) => runJobs(worker, bodies),
    /** Hands event messages to the events queue's consumer, as the queue would. */
    deliver: (messages: readonly unknown[], queue?: string) => deliverMessages(worker, messages, queue),
    /** Another staff member with a built-in or custom role. */
    member: async (roleKey: string) => (await import("./client")).addMember(workspaceId, roleKey, roleKey, worker),
    client: (headers: Record<string, string>) => new ApiClient(headers, { workspaceId }, worker),
  };
}

/**
 * Delivers the workspace's events through the real queue consumer until every one is acked
 * (delivered or dead), retrying at once what the consumer asks to retry. Events that hooks
 * emit along the way are delivered in the following rounds.
 */
export async function drainEvents(worker: TestWorker, workspaceId: string, options: { maxRounds?: number } = {}): Promise<DrainReport> {
  const report: DrainReport = { deliveries: 0, retries: 0 };
  const settled = new Set<string>();
  const attempts = new Map<string, number>();
  const scope = openWorkspace(env, workspaceId);
  for (let round = 0; round < (options.maxRounds ?? 20); round++) {
    const rows = await scope.db.select({ id: events.id }).from(events).where(eq(events.workspaceId, workspaceId)).orderBy(asc(events.id));
    const pending = rows.filter((row) => !settled.has(row.id));
    if (pending.length === 0) return report;
    await dispatchEvents(env, workspaceId, pending.map((row) => row.id));
    const batch = createMessageBatch(
      "edge-crm-events",
      pending.map((row) => {
        const attempt = (attempts.get(row.id) ?? 0) + 1;
        attempts.set(row.id, attempt);
        return { id: `${row.id}-${attempt}`, timestamp: new Date(), attempts: attempt, body: { workspaceId, eventId: row.id } };
      }),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch, envOf(worker), ctx);
    const result = await getQueueResult(batch, ctx);
    report.deliveries += pending.length;
    const retried = new Set(result.retryMessages.map((message) => message.msgId));
    for (const row of pending) {
      if (retried.has(`${row.id}-${attempts.get(row.id)}`)) report.retries++;
      else settled.add(row.id);
    }
  }
  throw new Error("drainEvents: events still pending after the last round");
}

/** Runs the cron handler at `at`, then every job it queued (and jobs those queue) through the jobs consumer. */
export async function tickWorker(worker: TestWorker, at: Date): Promise<{ events: unknown[]; jobs: number }> {
  const queues = recordingQueues(baseOf(worker));
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), queues.env, ctx);
  await waitOnExecutionContext(ctx);
  let jobs = 0;
  for (let pending = queues.takeJobs(); pending.length; pending = queues.takeJobs()) {
    for (const body of pending) {
      jobs++;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const batch = createMessageBatch("edge-crm-jobs", [{ id: `job-${jobs}-${attempt}`, timestamp: at, attempts: attempt, body }]);
        const jobCtx = createExecutionContext();
        await worker.queue(batch, queues.env, jobCtx);
        if ((await getQueueResult(batch, jobCtx)).retryMessages.length === 0) break;
      }
    }
  }
  return { events: queues.takeEvents(), jobs };
}

/** Runs jobs-queue messages through the consumer (each once, retried at once if asked), then what they queue. */
export async function runJobs(worker: TestWorker & { queues: RecordingQueues }, bodies?: readonly unknown[]): Promise<{ jobs: number }> {
  let jobs = 0;
  for (let pending = bodies ? [...bodies] : worker.queues.takeJobs(); pending.length; pending = worker.queues.takeJobs()) {
    for (const body of pending) {
      jobs++;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const batch = createMessageBatch("edge-crm-jobs", [{ id: `job-${jobs}-${attempt}`, timestamp: new Date(), attempts: attempt, body }]);
        const ctx = createExecutionContext();
        await worker.queue(batch, worker.queues.env, ctx);
        if ((await getQueueResult(batch, ctx)).retryMessages.length === 0) break;
      }
    }
  }
  return { jobs };
}

/** Delivers messages to the Worker's queue handler as one batch of `queue`; returns the ids it asked to retry. */
export async function deliverMessages(worker: TestWorker, messages: readonly unknown[], queue = "edge-crm-events"): Promise<{ retried: number }> {
  if (messages.length === 0) return { retried: 0 };
  const batch = createMessageBatch(queue, messages.map((body, i) => ({ id: `msg-${i}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue(batch, envOf(worker), ctx);
  return { retried: (await getQueueResult(batch, ctx)).retryMessages.length };
}

/** The plugin's rows in a table of the workspace, for assertions. */
export async function countRows(table: string, where: string, ...bindings: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`select count(*) as n from ${table} where ${where}`).bind(...bindings).first<{ n: number }>();
  return row?.n ?? 0;
}

export { and, eq };
