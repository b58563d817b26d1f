// The transactional outbox: `eventEntry` returns the insert of an event row, to be put in the
// same D1 batch as the change it announces, so an event exists if and only if the change does.
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
  return scope.db.insert(events).values({
    id: newId("evt"),
    workspaceId: scope.workspaceId,
    name,
    payload: coreEvents[name].parse(payload),
    actorUserId,
    createdAt: now(),
  });
}
