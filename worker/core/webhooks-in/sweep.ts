// The cron's safety net for shop deliveries: deliveries left `received` for a few minutes (the
// isolate died after answering, the database failed) are processed again, and deliveries past
// the retention period are deleted. Counted refunds are kept: they stop a refund counting twice.
import { now } from "../data/clock";
import { workspaceDatabases } from "../data/database";
import { deleteExpiredDeliveries, stuckDeliveries } from "./deliveries.repository";
import { processDelivery } from "./process-delivery";

export const STUCK_AFTER_MS = 5 * 60_000;
export const DELIVERY_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;
const SWEEP_LIMIT = 50;
const DELETE_LIMIT = 1000;

export async function sweepShopDeliveries(env: Env, at = now(), retentionDays = DELIVERY_RETENTION_DAYS): Promise<{ reprocessed: number; deleted: number }> {
  let reprocessed = 0;
  let deleted = 0;
  for (const db of workspaceDatabases(env)) {
    for (const row of await stuckDeliveries(db, at - STUCK_AFTER_MS, SWEEP_LIMIT)) {
      await processDelivery(env, row.workspaceId, row.id);
      reprocessed++;
    }
    deleted += await deleteExpiredDeliveries(db, at - retentionDays * DAY_MS, DELETE_LIMIT);
  }
  return { reprocessed, deleted };
}
