// The transactional outbox: `eventEntry` returns the insert of an event row, to be put in the
// same D1 batch as the change it announces, so an event exists if and only if the change does.
// Its id joins the request's pending events, which are queued for delivery once the request ends
// (an id whose batch failed is simply not found by the consumer).
import { and, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
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

/**
 * An event written only when the statement just before it in the same batch changed a row
 * (SQLite's changes()): a conditional update and its event stay one-to-one, however often the
 * same change is asked for. `anchor` is the changed row (read once as the insert's source); the
 * event's id may then name no row, which the consumer simply does not find. Built with the query
 * builder: raw statements cannot join a D1 batch in drizzle-orm 0.45.
 */
export function eventEntryIfChanged<N extends CoreEventName>(
  scope: WorkspaceScope,
  name: N,
  payload: CoreEventPayload<N>,
  anchor: { table: SQLiteTable; where: SQL },
) {
  const id = newId("evt");
  scope.pendingEvents.push(id);
  const json = JSON.stringify(coreEvents[name].parse(payload));
  // Columns in the table's order, the computed customer_id left out (drizzle leaves it out too).
  const row = sql`select ${id}, ${scope.workspaceId}, ${name}, ${json}, null, ${now()}, null, null
    from ${anchor.table} where ${and(anchor.where, sql`changes() = 1`)} limit 1`;
  return scope.db.insert(events).select(row);
}
