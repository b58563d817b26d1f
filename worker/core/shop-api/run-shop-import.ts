// One step of a shop history import: read the next page of the shop's customers (then orders)
// and record each through the same path a webhook delivery takes (applyMapped), so an order
// imported now and delivered by webhook later stays one order. The step's progress is written
// only if the import is still at that step; the next step is then queued.
import { findConnection } from "../connections/connections.repository";
import { now } from "../data/clock";
import { openWorkspace } from "../data/database";
import { dispatchEvents } from "../delivery/dispatch";
import { mapDelivery } from "../webhooks-in/mappings/map-delivery";
import { applyMapped, rejectionOf } from "../webhooks-in/process-delivery";
import { shopPageSize } from "./page-size";
import { openCredentials, retryPolicy, shopApiFor, type ApiPlatform } from "./shop-credentials";
import { shopImportMessage, type ShopImportMessage } from "./shop-import-message";
import { advanceShopImport, endShopImport, findShopImport, type ShopImportRow } from "./shop-imports.repository";
import type { RetryPolicy } from "./shop-request";

export interface ShopImportStepOutcome {
  next: ShopImportMessage | null;
}

export async function runShopImportStep(env: Env, message: ShopImportMessage, options: { policy?: Partial<RetryPolicy> } = {}): Promise<ShopImportStepOutcome> {
  const scope = openWorkspace(env, message.workspaceId);
  const job = await findShopImport(scope, message.importId);
  // Done, cancelled, or this step already ran (a redelivered message): nothing to do.
  if (!job || job.status !== "running" || job.step !== message.step) return { next: null };
  const connection = await findConnection(scope, job.connectionId);
  if (!connection || connection.platform === "generic" || !connection.apiCredentials || !connection.shopUrl) {
    await endShopImport(scope, job.id, "cancelled", "the connection was disconnected", now());
    return { next: null };
  }
  // A shop that asks to wait longer than a step can afford throws "busy": the consumer retries later.
  const policy = retryPolicy(env, { maxWaitMs: 2_000, ...options.policy });
  const api = shopApiFor(connection.platform as ApiPlatform, connection.shopUrl, await openCredentials(env, connection.apiCredentials), policy);
  const page = await api.page(job.phase, job.cursor, shopPageSize(env));

  let rejected = 0;
  let lastRejection: string | null = null;
  const at = now();
  for (const record of page.records) {
    try {
      const mapped = mapDelivery(connection.platform, api.recordTopic[job.phase], JSON.stringify(record), connection.id);
      await applyMapped(env, scope, connection, mapped, at);
    } catch (error) {
      const reason = rejectionOf(error);
      if (reason === null) throw error;
      rejected++;
      lastRejection = reason;
    }
  }

  const seen = job.phase === "customers" ? { customersSeen: job.customersSeen + page.records.length } : { ordersSeen: job.ordersSeen + page.records.length };
  const changes: Partial<ShopImportRow> = {
    ...seen,
    rejected: job.rejected + rejected,
    lastRejection: lastRejection ?? job.lastRejection,
    pagesDone: job.pagesDone + 1,
    totalPages: page.totalPages ?? job.totalPages,
    totalRecords: page.total ?? job.totalRecords,
    cursor: page.next,
    updatedAt: now(),
  };
  if (page.next === null && job.phase === "customers") Object.assign(changes, { phase: "orders", cursor: null, pagesDone: 0, totalPages: null, totalRecords: null });
  if (page.next === null && job.phase === "orders") Object.assign(changes, { status: "done", finishedAt: now() });
  const advanced = await advanceShopImport(scope, job.id, job.step, changes);
  if (scope.pendingEvents.length) await dispatchEvents(env, scope.workspaceId, [...scope.pendingEvents]);
  if (!advanced || changes.status === "done") return { next: null };
  return { next: shopImportMessage(scope.workspaceId, job.id, job.step + 1) };
}
