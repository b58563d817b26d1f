// Handing committed events to the delivery queue. Called after a request (or a hook, or a
// schedule) has committed; what cannot be sent now is left undispatched for the sweeper.
import { and, eq, isNull } from "drizzle-orm";
import { now } from "../data/clock";
import { openWorkspace } from "../data/database";
import { inList } from "../data/in-list";
import { events } from "../data/schema";
import type { EventMessage } from "./event-message";

export async function dispatchEvents(env: Env, workspaceId: string, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  const scope = openWorkspace(env, workspaceId);
  // Only events that exist: the batch of a failed write never wrote its event.
  const committed = await scope.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), inList(events.id, eventIds), isNull(events.dispatchedAt)));
  if (committed.length === 0) return;
  try {
    await env.EVENTS_QUEUE.sendBatch(committed.map(({ id }) => ({ body: { workspaceId, eventId: id } satisfies EventMessage })));
  } catch (error) {
    console.warn("event dispatch failed; the sweeper will re-send", String(error));
    return;
  }
  await scope.db
    .update(events)
    .set({ dispatchedAt: now() })
    .where(and(eq(events.workspaceId, workspaceId), inList(events.id, committed.map(({ id }) => id))));
}
