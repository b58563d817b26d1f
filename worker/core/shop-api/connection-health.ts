// A connection's health, for the owner to see at a glance: the last delivery, deliveries refused
// or rejected in the last 24 hours (the status index, bounded below by a time-ordered id), the
// history import's progress, and a warning when an enabled connection has been silent for days
// (a shop whose webhooks were deleted or paused by failures sends nothing, and nothing else says so).
import { and, count, eq, gte } from "drizzle-orm";
import { toIso } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { idFloor } from "../data/ids";
import { webhookDeliveries } from "../data/schema";
import type { ConnectionRow } from "../connections/connections.repository";
import { presentShopImport } from "./shop-import.presenter";
import { latestShopImport } from "./shop-imports.repository";

export const SILENT_AFTER_DAYS = 3;
const DAY_MS = 86_400_000;

export async function connectionHealth(scope: WorkspaceScope, connection: ConnectionRow, at: number) {
  const failures = await scope.db
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, scope.workspaceId),
        eq(webhookDeliveries.connectionId, connection.id),
        eq(webhookDeliveries.status, "rejected"),
        gte(webhookDeliveries.id, idFloor("whd", at - DAY_MS)),
      ),
    )
    .get();
  const job = await latestShopImport(scope, connection.id);
  const heardAt = connection.lastDeliveryAt ?? connection.createdAt;
  const silentDays = Math.floor((at - heardAt) / DAY_MS);
  return {
    lastDeliveryAt: toIso(connection.lastDeliveryAt),
    failuresLast24h: failures?.n ?? 0,
    silentDays,
    silentWarning: connection.enabled && silentDays >= SILENT_AFTER_DAYS,
    import: job ? presentShopImport(job) : null,
  };
}
