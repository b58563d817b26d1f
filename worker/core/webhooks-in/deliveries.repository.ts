// Every query on stored shop deliveries and counted refunds. Functions take the workspace scope
// first; the sweep, which serves every workspace, reads through each workspace database.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { now } from "../data/clock";
import type { Database, WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { orders, shopConnections, shopRefunds, webhookDeliveries } from "../data/schema";
import type { DeliveryStatus } from "./webhooks-in.schema";

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type StoredOrderRow = typeof orders.$inferSelect;

export interface IncomingDelivery {
  connectionId: string;
  platform: DeliveryRow["platform"];
  topic: string | null;
  deliveryId: string;
  headers: Record<string, string>;
  body: string;
}

/** Stores a delivery; `duplicate` when this connection already has this delivery id (its counter goes up). */
export async function storeDelivery(scope: WorkspaceScope, incoming: IncomingDelivery): Promise<{ id: string; duplicate: boolean }> {
  const time = now();
  const [inserted] = await scope.db.batch([
    scope.db
      .insert(webhookDeliveries)
      .values({ id: newId("whd", time), workspaceId: scope.workspaceId, ...incoming, status: "received", receivedAt: time, updatedAt: time })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id }),
    scope.db
      .update(shopConnections)
      .set({ lastDeliveryAt: time })
      .where(and(eq(shopConnections.workspaceId, scope.workspaceId), eq(shopConnections.id, incoming.connectionId))),
  ]);
  if (inserted[0]) return { id: inserted[0].id, duplicate: false };
  const [existing] = await scope.db
    .update(webhookDeliveries)
    .set({ redeliveries: sql`${webhookDeliveries.redeliveries} + 1`, updatedAt: time })
    .where(
      and(
        eq(webhookDeliveries.workspaceId, scope.workspaceId),
        eq(webhookDeliveries.connectionId, incoming.connectionId),
        eq(webhookDeliveries.deliveryId, incoming.deliveryId),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return { id: existing!.id, duplicate: true };
}

export function deliveryById(scope: WorkspaceScope, id: string): Promise<DeliveryRow | undefined> {
  return scope.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.workspaceId, scope.workspaceId), eq(webhookDeliveries.id, id))).get();
}

export function findDelivery(scope: WorkspaceScope, connectionId: string, id: string): Promise<DeliveryRow | undefined> {
  return scope.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, scope.workspaceId), eq(webhookDeliveries.connectionId, connectionId), eq(webhookDeliveries.id, id)))
    .get();
}

export function listDeliveries(scope: WorkspaceScope, connectionId: string, status: DeliveryStatus | undefined, before: string | null, limit: number) {
  return scope.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, scope.workspaceId),
        eq(webhookDeliveries.connectionId, connectionId),
        status ? eq(webhookDeliveries.status, status) : undefined,
        before ? lt(webhookDeliveries.id, before) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit + 1)
    .all();
}

export async function settleDelivery(
  scope: WorkspaceScope,
  id: string,
  outcome: { status: DeliveryStatus; reason: string | null; customerId?: string | null },
): Promise<void> {
  const time = now();
  await scope.db
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      reason: outcome.reason?.slice(0, 1000) ?? null,
      processedAt: outcome.status === "received" ? null : time,
      ...(outcome.customerId ? { customerId: outcome.customerId } : {}),
      updatedAt: time,
    })
    .where(and(eq(webhookDeliveries.workspaceId, scope.workspaceId), eq(webhookDeliveries.id, id)));
}

/** Back to `received` with a fresh attempt budget, for a replay. */
export async function resetForReplay(scope: WorkspaceScope, id: string): Promise<void> {
  await scope.db
    .update(webhookDeliveries)
    .set({ status: "received", reason: null, attempts: 0, processedAt: null, updatedAt: now() })
    .where(and(eq(webhookDeliveries.workspaceId, scope.workspaceId), eq(webhookDeliveries.id, id)));
}

/** A processing attempt that failed (not for the payload's sake): counted, and given up after `maxAttempts`. */
export async function noteFailedAttempt(scope: WorkspaceScope, row: DeliveryRow, reason: string, maxAttempts: number): Promise<void> {
  const attempts = row.attempts + 1;
  const time = now();
  await scope.db
    .update(webhookDeliveries)
    .set({
      attempts,
      reason: reason.slice(0, 1000),
      ...(attempts >= maxAttempts ? { status: "rejected" as const, processedAt: time } : {}),
      updatedAt: time,
    })
    .where(and(eq(webhookDeliveries.workspaceId, scope.workspaceId), eq(webhookDeliveries.id, row.id)));
}

/** The order a connection's shop calls `externalId`, as stored (unique index lookup). */
export function findShopOrder(scope: WorkspaceScope, connectionId: string, externalId: string): Promise<StoredOrderRow | undefined> {
  return scope.db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, scope.workspaceId), eq(orders.connectionId, connectionId), eq(orders.externalId, externalId)))
    .get();
}

/** Counts a refund once (by the shop's refund id) and returns the order's counted refunds in total. */
export async function countRefund(scope: WorkspaceScope, refund: { connectionId: string; orderExternalId: string; refundId: string; amount: number }): Promise<number> {
  const ofOrder = and(eq(shopRefunds.workspaceId, scope.workspaceId), eq(shopRefunds.connectionId, refund.connectionId), eq(shopRefunds.orderExternalId, refund.orderExternalId));
  const [, totals] = await scope.db.batch([
    scope.db
      .insert(shopRefunds)
      .values({ id: newId("srf"), workspaceId: scope.workspaceId, ...refund, createdAt: now() })
      .onConflictDoNothing(),
    scope.db.select({ total: sql<number>`coalesce(sum(${shopRefunds.amount}), 0)` }).from(shopRefunds).where(ofOrder),
  ]);
  return Number(totals[0]?.total ?? 0);
}

/** Deliveries of any workspace left `received` since before `before` (oldest first). */
export function stuckDeliveries(db: Database, before: number, limit: number) {
  return db
    .select({ id: webhookDeliveries.id, workspaceId: webhookDeliveries.workspaceId })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "received"), lt(webhookDeliveries.receivedAt, before)))
    .orderBy(webhookDeliveries.receivedAt)
    .limit(limit);
}

/** Deletes deliveries received before `before`, a bounded batch at a time; returns how many. */
export async function deleteExpiredDeliveries(db: Database, before: number, limit: number): Promise<number> {
  const expired = db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(lt(webhookDeliveries.receivedAt, before)).limit(limit);
  const deleted = await db.delete(webhookDeliveries).where(sql`${webhookDeliveries.id} in ${expired}`).returning({ id: webhookDeliveries.id });
  return deleted.length;
}
