// The jobs queue's consumer: each message runs one chunk of an import and queues the next, or
// one workspace's scheduled work (a workspace tick, queued by the cron), staff's task digests,
// deferred messages now due,
// one step of a shop history import (shop-api/), one chunk of a bulk action on customers, or a
// plugin's queued job.
// A chunk that keeps failing fails its job (visible to whoever polls it) rather than looping.
import { markBulkFailed } from "../bulk-actions/bulk-actions.repository";
import { bulkChunkMessage, BulkChunkMessageSchema } from "../bulk-actions/bulk-message";
import { runBulkChunk } from "../bulk-actions/run-bulk-chunk";
import { openWorkspace } from "../data/database";
import { DueMessagesJobSchema, sendDueMessages } from "../messaging/deferred-messages";
import { PluginJobMessageSchema } from "../plugin-runtime/plugin-job-message";
import { runPluginJob } from "../plugin-runtime/plugin-jobs";
import type { PluginRuntime } from "../plugin-runtime/plugin-runtime";
import { runWorkspaceTick, WorkspaceTickMessageSchema } from "../schedules/workspace-tick";
import { runTaskDigestChunk, TaskDigestMessageSchema } from "../tasks/task-digest";
import { consumeShopImport } from "../shop-api/consume-shop-import";
import { ShopImportMessageSchema } from "../shop-api/shop-import-message";
import { markFailed } from "./import-jobs.repository";
import { chunkMessage, ImportChunkMessageSchema } from "./import-message";
import { runImportChunk } from "./run-chunk";

/** The name the jobs queue is deployed under (wrangler.toml); entry.ts routes its batches here. */
export const JOBS_QUEUE_NAME = "edge-crm-jobs";

/** Attempts before a chunk's job is marked failed (wrangler.toml allows more redeliveries than this). */
const MAX_ATTEMPTS = 3;

export function jobsConsumer(runtime?: PluginRuntime) {
  return async function consumeJobs(batch: MessageBatch<unknown>, env: Env, _ctx?: ExecutionContext): Promise<void> {
    for (const message of batch.messages) {
      const tick = WorkspaceTickMessageSchema.safeParse(message.body);
      if (tick.success) {
        // Failures are recorded by the tick itself; the workspace is looked at again later.
        if (runtime) await runWorkspaceTick(env, runtime, tick.data);
        message.ack();
        continue;
      }
      const digest = TaskDigestMessageSchema.safeParse(message.body);
      if (digest.success) {
        // Each person's day is claimed before sending, so a retried job never sends twice.
        try {
          await runTaskDigestChunk(env, digest.data);
          message.ack();
        } catch (error) {
          console.error("task digests failed", digest.data.workspaceId, String(error));
          if (message.attempts >= MAX_ATTEMPTS) message.ack();
          else message.retry({ delaySeconds: 30 });
        }
        continue;
      }
      const dueMessages = DueMessagesJobSchema.safeParse(message.body);
      if (dueMessages.success) {
        // A message taken but not sent (the isolate died) stays `sending`; a retry finds it taken.
        try {
          await sendDueMessages(env, dueMessages.data);
          message.ack();
        } catch (error) {
          console.error("deferred messages failed", dueMessages.data.workspaceId, String(error));
          message.retry({ delaySeconds: 30 });
        }
        continue;
      }
      const shopImport = ShopImportMessageSchema.safeParse(message.body);
      if (shopImport.success) {
        await consumeShopImport(env, message, shopImport.data);
        continue;
      }
      const bulk = BulkChunkMessageSchema.safeParse(message.body);
      if (bulk.success) {
        const { workspaceId, actionId } = bulk.data;
        try {
          const { next } = await runBulkChunk(env, bulk.data);
          if (next !== null) await env.JOBS_QUEUE.send(bulkChunkMessage(workspaceId, actionId, next));
          message.ack();
        } catch (error) {
          console.error("bulk action chunk failed", actionId, bulk.data.seq, String(error));
          if (message.attempts >= MAX_ATTEMPTS) {
            await markBulkFailed(openWorkspace(env, workspaceId), actionId, String((error as Error)?.message ?? error));
            message.ack();
          } else message.retry({ delaySeconds: 10 * message.attempts });
        }
        continue;
      }
      const pluginJob = PluginJobMessageSchema.safeParse(message.body);
      if (pluginJob.success) {
        try {
          if (runtime) await runPluginJob(env, runtime, pluginJob.data);
          message.ack();
        } catch (error) {
          const { pluginId, job } = pluginJob.data;
          console.error("plugin job failed", pluginId, job, String((error as Error)?.message ?? error));
          // The plugin's job keeps its own progress: given up after a few attempts, it is resumed by the plugin (e.g. a schedule).
          if (message.attempts >= MAX_ATTEMPTS) message.ack();
          else message.retry({ delaySeconds: 10 * message.attempts });
        }
        continue;
      }
      const parsed = ImportChunkMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        console.error("dropping a malformed jobs message", message.id);
        message.ack();
        continue;
      }
      const body = parsed.data;
      try {
        const { next } = await runImportChunk(env, body, runtime ? { runtime } : {});
        if (next !== null) await env.JOBS_QUEUE.send(chunkMessage(body.workspaceId, body.jobId, next));
        message.ack();
      } catch (error) {
        console.error("import chunk failed", body.jobId, body.seq, String(error));
        if (message.attempts >= MAX_ATTEMPTS) {
          await markFailed(openWorkspace(env, body.workspaceId), body.jobId, String((error as Error)?.message ?? error));
          message.ack();
        } else message.retry({ delaySeconds: 10 * message.attempts });
      }
    }
  };
}
