// Builds the Worker from a list of plugins: the HTTP app, the delivery queue's consumer and the
// cron handler (sweepers, and due workspaces handed to the jobs queue). index.ts builds it from the plugin registry;
// tests build it from test plugins.
import { createApp } from "./app";
import { eventConsumer } from "./core/delivery/consumer";
import { deadLetterConsumer, EVENTS_DEAD_QUEUE_NAME } from "./core/delivery/dead-letter-queue";
import { JOBS_QUEUE_NAME, jobsConsumer } from "./core/import/jobs-consumer";
import type { DeliveryTargetSource } from "./core/delivery/delivery-target";
import { pluginTargets } from "./core/delivery/plugin-targets";
import { sweepUndelivered } from "./core/delivery/sweeper";
import { declarePluginPermissions } from "./core/permissions/plugin-permissions";
import { PluginRuntime } from "./core/plugin-runtime/plugin-runtime";
import type { AnyPlugin } from "./core/plugin-runtime/validate-plugins";
import { queueDueWorkspaces } from "./core/schedules/workspace-tick";
import { queueDueMessages } from "./core/messaging/deferred-messages";
import { closeInterruptedSends } from "./core/messaging/interrupted-sends";
import { isPruneTick, pruneAuthRows } from "./core/auth/prune-auth-rows";
import { webhookTargets } from "./core/webhooks-out/webhook-targets";
import { sweepShopDeliveries } from "./core/webhooks-in/sweep";
import { resumeStalledImports } from "./core/import/resume-stalled-imports";
import { resumeStalledBulkActions } from "./core/bulk-actions/resume-stalled-bulk-actions";
import { resumeShopImports } from "./core/shop-api/resume-shop-imports";
import { meterD1 } from "./core/data/d1-meter";

export function createWorker(plugins: readonly AnyPlugin[]) {
  const runtime = new PluginRuntime(plugins);
  const permissions = plugins.flatMap((plugin) => (plugin.permissions ?? []).map(({ key, grantTo }) => ({ key, grantTo: grantTo ?? [] })));
  declarePluginPermissions(permissions);
  // A deployment builds one Worker; the tests build several in one isolate (test plugins beside
  // the compiled-in ones), so each invocation declares its own Worker's plugin permissions again.
  const declaring =
    <Args extends unknown[], R>(handler: (...args: Args) => R) =>
    (...args: Args): R => {
      declarePluginPermissions(permissions);
      return handler(...args);
    };
  const app = createApp(runtime);
  const deliverySources: DeliveryTargetSource[] = [pluginTargets(runtime), webhookTargets];
  const consumeEvents = eventConsumer(deliverySources);
  const consumeGivenUp = deadLetterConsumer(deliverySources);
  const consumeJobs = jobsConsumer(runtime);

  // meterD1 leaves the handlers as they are unless the Worker runs with D1_METER=on (the benchmark).
  return meterD1({
    runtime,
    deliverySources,
    fetch: declaring(app.fetch),
    // One queue handler for the Worker: the jobs queue's batches (imports) go to their consumer,
    // the events queue's dead letters to theirs, every other batch is the events queue's.
    queue: declaring((batch: MessageBatch<unknown>, env: Env, ctx?: ExecutionContext) =>
      batch.queue.startsWith(JOBS_QUEUE_NAME)
        ? consumeJobs(batch, env, ctx)
        : batch.queue.startsWith(EVENTS_DEAD_QUEUE_NAME)
          ? consumeGivenUp(batch, env, ctx)
          : consumeEvents(batch, env, ctx),
    ),
    scheduled: declaring(async (controller: ScheduledController, env: Env, ctx: ExecutionContext) => {
      // Independent jobs: one failing never keeps the other from running.
      const time = controller.scheduledTime;
      ctx.waitUntil(
        Promise.allSettled([
          sweepUndelivered(env, time),
          // Each due workspace's daily job and plugin schedules, through the jobs queue.
          queueDueWorkspaces(env, time),
          // Deferred messages now due (quiet hours over, notBefore reached), through the jobs queue.
          queueDueMessages(env, time),
          // Messages whose provider call never came back: closed as failed, never left `sending`.
          closeInterruptedSends(env, time),
          sweepShopDeliveries(env, time),
          resumeStalledImports(env, time),
          resumeStalledBulkActions(env, time),
          resumeShopImports(env, time),
          isPruneTick(time) ? pruneAuthRows(env, time) : undefined,
        ]),
      );
    }),
  } satisfies ExportedHandler<Env> & Record<string, unknown>);
}
