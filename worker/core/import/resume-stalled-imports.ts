// The cron's safety net for imports: each chunk queues the next, so a queue message lost between
// them (an isolate ended after committing a chunk, a failed send) would leave a job "running"
// forever. A job with no progress for a few minutes gets its first pending chunk sent again;
// chunks already done are skipped when redelivered, so a resend never imports a row twice.
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import { now } from "../data/clock";
import { workspaceDatabases } from "../data/database";
import { importChunks, importJobs } from "../data/schema";
import { chunkMessage } from "./import-message";

export const IMPORT_STALLED_AFTER_MS = 5 * 60_000;
/** Jobs resumed per database and tick; the next tick takes the rest. */
const RESUME_LIMIT = 10;

export async function resumeStalledImports(env: Env, at = now()): Promise<{ resumed: number }> {
  let resumed = 0;
  for (const db of workspaceDatabases(env)) {
    // import_jobs holds few rows (one per file imported); no index on status is needed for this.
    const stalled = await db
      .select({ id: importJobs.id, workspaceId: importJobs.workspaceId })
      .from(importJobs)
      .where(and(inArray(importJobs.status, ["queued", "running"]), lt(importJobs.updatedAt, at - IMPORT_STALLED_AFTER_MS)))
      .limit(RESUME_LIMIT);
    for (const job of stalled) {
      const pending = await db
        .select({ seq: importChunks.seq })
        .from(importChunks)
        .where(and(eq(importChunks.workspaceId, job.workspaceId), eq(importChunks.jobId, job.id), eq(importChunks.status, "pending")))
        .orderBy(asc(importChunks.seq))
        .get();
      if (!pending) continue;
      // Marked first, so a resend is not repeated every minute while the queue catches up.
      await db.update(importJobs).set({ updatedAt: at }).where(and(eq(importJobs.workspaceId, job.workspaceId), eq(importJobs.id, job.id)));
      await env.JOBS_QUEUE.send(chunkMessage(job.workspaceId, job.id, pending.seq));
      resumed++;
    }
  }
  return { resumed };
}
