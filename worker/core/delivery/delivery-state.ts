// Where one event stands with its targets: the event, every target its sources name, the
// receipts and the failing or dead deliveries. Read by the consumer before it delivers and by
// the dead-letter queue's consumer before it records what the runtime gave up on.
import { and, eq, isNull } from "drizzle-orm";
import { now } from "../data/clock";
import { openWorkspace, type WorkspaceScope } from "../data/database";
import { eventDeliveries, events } from "../data/schema";
import type { StoredEvent } from "../events/stored-event";
import type { DeliveryTarget, DeliveryTargetSource } from "./delivery-target";
import type { EventMessage } from "./event-message";
import { receiptsOf } from "./receipts";

export interface DeliveryState {
  scope: WorkspaceScope;
  event: StoredEvent;
  settledAt: number | null;
  /** Every target of the event. */
  allTargets: DeliveryTarget[];
  /** The targets this message is for (all, or the one a dead-letter retry names). */
  targets: DeliveryTarget[];
  receipts: Set<string>;
  recordOf: Map<string, typeof eventDeliveries.$inferSelect>;
}

export async function loadDeliveryState(env: Env, sources: readonly DeliveryTargetSource[], message: EventMessage): Promise<DeliveryState | null> {
  const scope = openWorkspace(env, message.workspaceId);
  const row = await scope.db.select().from(events).where(and(eq(events.workspaceId, scope.workspaceId), eq(events.id, message.eventId))).get();
  if (!row) return null;
  const event: StoredEvent = { id: row.id, workspaceId: row.workspaceId, name: row.name, payload: row.payload, actorUserId: row.actorUserId, createdAt: row.createdAt };
  const allTargets = (await Promise.all(sources.map((source) => source(env, event)))).flat();
  const [receipts, records] = await Promise.all([
    receiptsOf(scope, event.id),
    scope.db.select().from(eventDeliveries).where(and(eq(eventDeliveries.workspaceId, scope.workspaceId), eq(eventDeliveries.eventId, event.id))),
  ]);
  return {
    scope,
    event,
    settledAt: row.settledAt,
    allTargets,
    targets: allTargets.filter((target) => !message.target || target.key === message.target),
    receipts,
    recordOf: new Map(records.map((record) => [record.target, record])),
  };
}

/** Targets with neither a receipt nor a dead-letter row. */
export function remainingTargets(state: DeliveryState): Set<string> {
  return new Set(state.allTargets.map((target) => target.key).filter((key) => !state.receipts.has(key) && state.recordOf.get(key)?.status !== "dead"));
}

/** Marks the event settled (every target has a receipt or a dead-letter row). */
export function settleEntry(scope: WorkspaceScope, eventId: string) {
  return scope.db
    .update(events)
    .set({ settledAt: now() })
    .where(and(eq(events.workspaceId, scope.workspaceId), eq(events.id, eventId), isNull(events.settledAt)));
}
