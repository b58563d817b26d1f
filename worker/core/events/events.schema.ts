// The event outbox: a row written in the same batch as the change it describes.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, workspaceId } from "../data/columns";

export const events = sqliteTable(
  "events",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    payload: json<Record<string, unknown>>("payload").notNull(),
    actorUserId: text("actor_user_id"),
    createdAt: createdAt(),
    // Set once the event has been handed to the delivery queue (again when the sweeper re-sends it).
    dispatchedAt: integer("dispatched_at"),
    // Set once every target has a receipt or a dead-letter row; until then the sweeper re-sends it.
    settledAt: integer("settled_at"),
    // The customer the event is about, read from the payload (core's and plugins' events name it
    // `customerId`), so erasing a customer finds their events by index. Computed, never written.
    customerId: text("customer_id").generatedAlwaysAs(sql`json_extract(payload, '$.customerId')`, { mode: "virtual" }),
  },
  (t) => [
    index("events_workspace_idx").on(t.workspaceId, t.id),
    index("events_undispatched_idx").on(t.dispatchedAt, t.createdAt),
    // Unsettled events by the time they were last sent: the sweeper reads only these, never all events.
    index("events_unsettled_idx").on(t.settledAt, t.dispatchedAt),
    index("events_customer_idx").on(t.workspaceId, t.customerId),
  ],
);
