// Delivering one committed event to each of its targets, each in its own try/catch: one
// receiver's failure never stops another's delivery. Failures are counted per target; after the
// last attempt the delivery goes to the dead-letter list instead of being lost. Once every target
// has a receipt or a dead-letter row, the event is marked settled, and the sweeper stops watching it.
import { and, eq } from "drizzle-orm";
import { now } from "../data/clock";
import { newId } from "../data/ids";
import { eventDeliveries } from "../data/schema";
import { backoffSeconds, MAX_ATTEMPTS } from "./delivery-policy";
import { loadDeliveryState, remainingTargets, settleEntry } from "./delivery-state";
import type { DeliveryTargetSource } from "./delivery-target";
import type { EventMessage } from "./event-message";
import { receiptEntry } from "./receipts";

export interface DeliveryReport {
  delivered: string[];
  failed: string[];
  dead: string[];
  /** Seconds until the soonest retry, or null when nothing is left to retry. */
  retryInSeconds: number | null;
  /** Every target of the event has a receipt or a dead-letter row. */
  settled: boolean;
}

export async function deliverEvent(env: Env, sources: readonly DeliveryTargetSource[], message: EventMessage): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: [], failed: [], dead: [], retryInSeconds: null, settled: false };
  const state = await loadDeliveryState(env, sources, message);
  if (!state) return { ...report, settled: true };
  const { scope, event, targets, receipts, recordOf } = state;
  // Targets still owed a receipt or a dead-letter row; the write that empties it also settles the event.
  const remaining = remainingTargets(state);
  let settleWritten = false;
  const settleIfLast = (key: string) => {
    remaining.delete(key);
    if (remaining.size > 0 || state.settledAt !== null) return [];
    settleWritten = true;
    return [settleEntry(scope, event.id)];
  };

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
        ...settleIfLast(target.key),
      ]);
      report.delivered.push(target.key);
      if (outcome.status === "gone") console.info(`delivery target ${target.key} is gone: ${outcome.detail}`);
    } catch (error) {
      const attempts = (record && record.status !== "retrying" ? record.attempts : 0) + 1;
      const dead = attempts >= MAX_ATTEMPTS;
      const time = now();
      const lastError = String(error instanceof Error ? error.message : error).slice(0, 1000);
      const status = dead ? ("dead" as const) : ("failing" as const);
      const fields = { status, attempts, lastError, nextAttemptAt: dead ? null : time + backoffSeconds(attempts) * 1000, updatedAt: time };
      await scope.db.batch([
        scope.db
          .insert(eventDeliveries)
          .values({ id: newId("dlv"), workspaceId: scope.workspaceId, eventId: event.id, target: target.key, ...fields })
          .onConflictDoUpdate({ target: [eventDeliveries.eventId, eventDeliveries.target], set: fields }),
        ...(dead ? settleIfLast(target.key) : []),
      ]);
      if (dead) {
        report.dead.push(target.key);
      } else {
        report.failed.push(target.key);
        report.retryInSeconds = Math.min(report.retryInSeconds ?? Infinity, backoffSeconds(attempts));
      }
    }
  }
  // Nothing was owed from the start (no targets, or a repeated delivery): settled here.
  if (remaining.size === 0 && state.settledAt === null && !settleWritten) await settleEntry(scope, event.id);
  report.settled = remaining.size === 0;
  return report;
}
