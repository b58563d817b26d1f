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
    // Set once the event has been handed to the delivery queue.
    dispatchedAt: integer("dispatched_at"),
    // The customer the event is about, read from the payload (core's and plugins' events name it
    // `customerId`), so erasing a customer finds their events by index. Computed, never written.
    customerId: text("customer_id").generatedAlwaysAs(sql`json_extract(payload, '$.customerId')`, { mode: "virtual" }),
  },
  (t) => [
    index("events_workspace_idx").on(t.workspaceId, t.id),
    index("events_undispatched_idx").on(t.dispatchedAt, t.createdAt),
    index("events_customer_idx").on(t.workspaceId, t.customerId),
  ],
);
