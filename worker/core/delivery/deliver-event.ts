// Delivering one committed event to each of its targets, each in its own try/catch: one
// receiver's failure never stops another's delivery. Failures are counted per target; after the
// last attempt the delivery goes to the dead-letter list instead of being lost.
import { and, eq } from "drizzle-orm";
import { now } from "../data/clock";
import { openWorkspace, type WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { eventDeliveries, events } from "../data/schema";
import type { StoredEvent } from "../events/stored-event";
import { backoffSeconds, MAX_ATTEMPTS } from "./delivery-policy";
import type { DeliveryTargetSource } from "./delivery-target";
import type { EventMessage } from "./event-message";
import { receiptEntry, receiptsOf } from "./receipts";

export interface DeliveryReport {
  delivered: string[];
  failed: string[];
  dead: string[];
  /** Seconds until the soonest retry, or null when nothing is left to retry. */
  retryInSeconds: number | null;
}

async function loadEvent(scope: WorkspaceScope, eventId: string): Promise<StoredEvent | null> {
  const row = await scope.db.select().from(events).where(and(eq(events.workspaceId, scope.workspaceId), eq(events.id, eventId))).get();
  return row ? { id: row.id, workspaceId: row.workspaceId, name: row.name, payload: row.payload, actorUserId: row.actorUserId, createdAt: row.createdAt } : null;
}

export async function deliverEvent(env: Env, sources: readonly DeliveryTargetSource[], message: EventMessage): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: [], failed: [], dead: [], retryInSeconds: null };
  const scope = openWorkspace(env, message.workspaceId);
  const event = await loadEvent(scope, message.eventId);
  if (!event) return report;

  const targets = (await Promise.all(sources.map((source) => source(env, event)))).flat().filter((target) => !message.target || target.key === message.target);
  const [receipts, records] = await Promise.all([
    receiptsOf(scope, event.id),
    scope.db.select().from(eventDeliveries).where(and(eq(eventDeliveries.workspaceId, scope.workspaceId), eq(eventDeliveries.eventId, event.id))),
  ]);
  const recordOf = new Map(records.map((record) => [record.target, record]));

  for (const target of targets) {
    if (receipts.has(target.key)) continue;
    const record = recordOf.get(target.key);
    // A dead delivery waits for a person to retry it from the dead-letter list.
    if (record?.status === "dead" && message.target !== target.key) continue;
    try {
      const outcome = await target.deliver(event);
      await scope.db.batch([
        receiptEntry(scope, event.id, target.key).onConflictDoNothing(),
        scope.db.delete(eventDeliveries).where(and(eq(eventDeliveries.eventId, event.id), eq(eventDeliveries.target, target.key))),
      ]);
      report.delivered.push(target.key);
      if (outcome.status === "gone") console.info(`delivery target ${target.key} is gone: ${outcome.detail}`);
    } catch (error) {
      const attempts = (record && record.status !== "retrying" ? record.attempts : 0) + 1;
      const dead = attempts >= MAX_ATTEMPTS;
      const time = now();
      const lastError = String(error instanceof Error ? error.message : error).slice(0, 1000);
      const state = { status: dead ? ("dead" as const) : ("failing" as const), attempts, lastError, nextAttemptAt: dead ? null : time + backoffSeconds(attempts) * 1000, updatedAt: time };
      await scope.db
        .insert(eventDeliveries)
        .values({ id: newId("dlv"), workspaceId: scope.workspaceId, eventId: event.id, target: target.key, ...state })
        .onConflictDoUpdate({ target: [eventDeliveries.eventId, eventDeliveries.target], set: state });
      if (dead) {
        report.dead.push(target.key);
      } else {
        report.failed.push(target.key);
        report.retryInSeconds = Math.min(report.retryInSeconds ?? Infinity, backoffSeconds(attempts));
      }
    }
  }
  return report;
}
