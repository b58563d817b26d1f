// Test helpers for imports: a CSV built from rows, and the jobs queue driven by hand through the
// Worker's real queue handler, one chunk per batch, as the queue would deliver them.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { openWorkspace } from "../data/database";
import worker from "../../index";
import type { ApiClient } from "../../../test/support/client";
import { chunkMessage } from "./import-message";

export const csvOf = (rows: ReadonlyArray<ReadonlyArray<string>>, delimiter = ",") =>
  rows.map((cells) => cells.map((cell) => (/[",;\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(delimiter)).join("\r\n") + "\r\n";

export async function count(table: string, workspaceId: string): Promise<number> {
  const [row] = await openWorkspace(env, workspaceId).db.all<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`);
  return row?.n ?? 0;
}

/** Delivers one chunk message to the Worker's queue handler; returns whether it was acked. */
export async function runChunk(workspaceId: string, jobId: string, seq: number, attempts = 1): Promise<{ acked: boolean; retried: boolean }> {
  const batch = createMessageBatch("edge-crm-jobs", [{ id: `${jobId}-${seq}-${attempts}`, timestamp: new Date(), attempts, body: chunkMessage(workspaceId, jobId, seq) }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  const result = await getQueueResult(batch, ctx);
  return { acked: result.explicitAcks.length === 1, retried: result.retryMessages.length === 1 };
}

/** Runs a queued job's chunks in order, polling its progress after each; returns what was seen. */
export async function driveJob(client: ApiClient, workspaceId: string, jobId: string): Promise<Array<{ status: string; rowsDone: number }>> {
  const seen: Array<{ status: string; rowsDone: number }> = [];
  for (let seq = 0; ; seq++) {
    const before = await client.get(`/api/import/jobs/${jobId}?limit=1`);
    if (before.body.status === "done" || before.body.status === "failed") return seen;
    const { acked } = await runChunk(workspaceId, jobId, seq);
    if (!acked) throw new Error(`chunk ${seq} of ${jobId} was not acked`);
    const after = await client.get(`/api/import/jobs/${jobId}?limit=1`);
    seen.push({ status: after.body.status, rowsDone: after.body.rowsDone });
  }
}
