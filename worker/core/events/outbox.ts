// The transactional outbox: `eventEntry` returns the insert of an event row, to be put in the
// same D1 batch as the change it announces, so an event exists if and only if the change does.
// Its id joins the request's pending events, which are queued for delivery once the request ends
// (an id whose batch failed is simply not found by the consumer).
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { events } from "../data/schema";
import { coreEvents, type CoreEventName, type CoreEventPayload } from "./event-catalog";

export function eventEntry<N extends CoreEventName>(
  scope: WorkspaceScope,
  name: N,
  payload: CoreEventPayload<N>,
  actorUserId: string | null,
) {
  return validatedEventEntry(scope, name, coreEvents[name].parse(payload), actorUserId);
}

/** An event whose payload the caller has already checked (a plugin's own event, against its schema). */
export function validatedEventEntry(scope: WorkspaceScope, name: string, payload: Record<string, unknown>, actorUserId: string | null) {
  const id = newId("evt");
  scope.pendingEvents.push(id);
  return scope.db.insert(events).values({
    id,
    workspaceId: scope.workspaceId,
    name,
    payload,
    actorUserId,
    createdAt: now(),
  });
}
