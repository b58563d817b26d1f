// The safety net behind the queue: events never handed to it (the send failed, the isolate
// died) and failing deliveries whose retry message was lost are sent again. Run by the cron.
import { and, eq, isNull, lt } from "drizzle-orm";
import { now } from "../data/clock";
import { workspaceDatabases } from "../data/database";
import { eventDeliveries, events } from "../data/schema";
import { OVERDUE_RETRY_MS, UNDISPATCHED_AFTER_MS } from "./delivery-policy";
import { dispatchEvents } from "./dispatch";
import type { EventMessage } from "./event-message";

const SWEEP_LIMIT = 500;

export async function sweepUndelivered(env: Env, at = now()): Promise<{ redispatched: number; retried: number }> {
  let redispatched = 0;
  let retried = 0;
  for (const db of workspaceDatabases(env)) {
    const stuck = await db
      .select({ id: events.id, workspaceId: events.workspaceId })
      .from(events)
      .where(and(isNull(events.dispatchedAt), lt(events.createdAt, at - UNDISPATCHED_AFTER_MS)))
      .limit(SWEEP_LIMIT);
    const byWorkspace = Map.groupBy(stuck, (row) => row.workspaceId);
    for (const [workspaceId, rows] of byWorkspace) {
      await dispatchEvents(env, workspaceId, rows.map((row) => row.id));
      redispatched += rows.length;
    }
    const overdue = await db
      .select({ id: eventDeliveries.id, workspaceId: eventDeliveries.workspaceId, eventId: eventDeliveries.eventId, target: eventDeliveries.target })
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.status, "failing"), lt(eventDeliveries.nextAttemptAt, at - OVERDUE_RETRY_MS)))
      .limit(SWEEP_LIMIT);
    if (overdue.length) {
      await env.EVENTS_QUEUE.sendBatch(overdue.map((row) => ({ body: { workspaceId: row.workspaceId, eventId: row.eventId, target: row.target } satisfies EventMessage })));
      // Pushed forward so the next sweep does not send them again while they are in flight.
      for (const row of overdue) {
        await db.update(eventDeliveries).set({ nextAttemptAt: at }).where(eq(eventDeliveries.id, row.id));
      }
      retried += overdue.length;
    }
  }
  return { redispatched, retried };
}
