// Queries of the dead-letter list.
import { and, desc, eq, lt } from "drizzle-orm";
import { type AuditOrigin, auditEntry } from "../audit/audit";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { eventDeliveries, events } from "../data/schema";

/** Dead deliveries newest first, with their event's name and time; one extra row for the cursor. */
export function deadDeliveries(scope: WorkspaceScope, afterId: string | null, limit: number) {
  return scope.db
    .select({ delivery: eventDeliveries, eventName: events.name, eventCreatedAt: events.createdAt })
    .from(eventDeliveries)
    .innerJoin(events, and(eq(events.id, eventDeliveries.eventId), eq(events.workspaceId, eventDeliveries.workspaceId)))
    .where(and(eq(eventDeliveries.workspaceId, scope.workspaceId), eq(eventDeliveries.status, "dead"), afterId ? lt(eventDeliveries.id, afterId) : undefined))
    .orderBy(desc(eventDeliveries.id))
    .limit(limit + 1);
}

export async function findDelivery(scope: WorkspaceScope, id: string) {
  return (await scope.db.select().from(eventDeliveries).where(and(eq(eventDeliveries.workspaceId, scope.workspaceId), eq(eventDeliveries.id, id))).get()) ?? null;
}

/**
 * Back to "retrying" with a fresh set of attempts, audited in the same batch. The event is
 * unsettled again, so the sweeper re-sends it if the retry's queue message is lost.
 */
export async function markRetrying(scope: WorkspaceScope, origin: AuditOrigin, delivery: { id: string; eventId: string; target: string }): Promise<void> {
  const time = now();
  await scope.db.batch([
    scope.db.update(eventDeliveries).set({ status: "retrying", updatedAt: time }).where(and(eq(eventDeliveries.workspaceId, scope.workspaceId), eq(eventDeliveries.id, delivery.id))),
    scope.db.update(events).set({ settledAt: null, dispatchedAt: time }).where(and(eq(events.workspaceId, scope.workspaceId), eq(events.id, delivery.eventId))),
    auditEntry(scope, origin, { action: "event.delivery_retried", entityType: "event", entityId: delivery.eventId, details: { target: delivery.target } }),
  ]);
}
