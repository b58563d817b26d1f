// The safety net behind the queue, run by the cron. Sent again:
//  - events never handed to the queue (the send failed, the isolate died before it);
//  - events handed to it that are still not settled a while later: the message was lost (a
//    crash, a local queue that died with its process) before every target had a receipt or a
//    dead-letter row. Receipts make the repeat harmless for targets already done;
//  - failing deliveries whose retry message was lost.
// A bounded number of rows per tick, each query on its own index, and a fixed number of D1 calls
// however many events or workspaces there are; the next tick takes the rest.
import { and, eq, isNull, lt } from "drizzle-orm";
import { now } from "../data/clock";
import { workspaceDatabases } from "../data/database";
import { inList } from "../data/in-list";
import { eventDeliveries, events } from "../data/schema";
import { OVERDUE_RETRY_MS, UNDISPATCHED_AFTER_MS, UNSETTLED_AFTER_MS } from "./delivery-policy";
import type { EventMessage } from "./event-message";

/** Rows taken per query and tick. */
export const SWEEP_LIMIT = 200;
/** Messages per sendBatch call: the Queues limit. */
const SEND_BATCH = 100;

async function send(env: Env, messages: EventMessage[]): Promise<void> {
  for (let start = 0; start < messages.length; start += SEND_BATCH) {
    await env.EVENTS_QUEUE.sendBatch(messages.slice(start, start + SEND_BATCH).map((body) => ({ body })));
  }
}

export async function sweepUndelivered(env: Env, at = now()): Promise<{ redispatched: number; resent: number; retried: number }> {
  let redispatched = 0;
  let resent = 0;
  let retried = 0;
  for (const db of workspaceDatabases(env)) {
    const columns = { id: events.id, workspaceId: events.workspaceId };
    const [undispatched, unsettled, overdue] = await db.batch([
      db.select(columns).from(events).where(and(isNull(events.dispatchedAt), lt(events.createdAt, at - UNDISPATCHED_AFTER_MS))).limit(SWEEP_LIMIT),
      db.select(columns).from(events).where(and(isNull(events.settledAt), lt(events.dispatchedAt, at - UNSETTLED_AFTER_MS))).limit(SWEEP_LIMIT),
      db
        .select({ id: eventDeliveries.id, workspaceId: eventDeliveries.workspaceId, eventId: eventDeliveries.eventId, target: eventDeliveries.target })
        .from(eventDeliveries)
        .where(and(eq(eventDeliveries.status, "failing"), lt(eventDeliveries.nextAttemptAt, at - OVERDUE_RETRY_MS)))
        .limit(SWEEP_LIMIT),
    ]);
    const again = [...undispatched, ...unsettled];
    if (again.length) {
      await send(env, again.map((row) => ({ workspaceId: row.workspaceId, eventId: row.id })));
      // Marked sent now, so the next sweeps leave them to the queue for UNSETTLED_AFTER_MS.
      await db.update(events).set({ dispatchedAt: at }).where(inList(events.id, again.map((row) => row.id)));
      redispatched += undispatched.length;
      resent += unsettled.length;
    }
    if (overdue.length) {
      await send(env, overdue.map((row) => ({ workspaceId: row.workspaceId, eventId: row.eventId, target: row.target })));
      // Pushed forward so the next sweep does not send them again while they are in flight.
      await db.update(eventDeliveries).set({ nextAttemptAt: at }).where(inList(eventDeliveries.id, overdue.map((row) => row.id)));
      retried += overdue.length;
    }
  }
  return { redispatched, resent, retried };
}
