// The cron's safety net for bulk actions: each chunk queues the next, so a message lost between
// them would leave an action "running" forever. An action without progress for a few minutes has
// its next chunk sent again; a chunk that already ran is skipped, so nothing is applied twice.
import { and, eq } from "drizzle-orm";
import { now } from "../data/clock";
import { workspaceDatabases } from "../data/database";
import { customerBulkActions } from "../data/schema";
import { stalledBulkActions } from "./bulk-actions.repository";
import { bulkChunkMessage } from "./bulk-message";

export const BULK_STALLED_AFTER_MS = 5 * 60_000;

export async function resumeStalledBulkActions(env: Env, at = now()): Promise<{ resumed: number }> {
  let resumed = 0;
  for (const db of workspaceDatabases(env)) {
    for (const action of await stalledBulkActions(db, at - BULK_STALLED_AFTER_MS)) {
      // Marked first, so a resend is not repeated every minute while the queue catches up.
      await db
        .update(customerBulkActions)
        .set({ updatedAt: at })
        .where(and(eq(customerBulkActions.workspaceId, action.workspaceId), eq(customerBulkActions.id, action.id)));
      await env.JOBS_QUEUE.send(bulkChunkMessage(action.workspaceId, action.id, action.seq));
      resumed++;
    }
  }
  return { resumed };
}
