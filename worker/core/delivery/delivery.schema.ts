// Delivery bookkeeping for committed events.
//  - delivery_receipts: one row per (event, target) that was delivered. Inserted in the same
//    batch as a plugin hook's writes, so a repeated delivery fails on the primary key and its
//    effect is never applied twice.
//  - event_deliveries: attempts of deliveries that failed, and the dead-letter list.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, workspaceId } from "../data/columns";

export const deliveryReceipts = sqliteTable(
  "delivery_receipts",
  {
    eventId: text("event_id").notNull(),
    target: text("target").notNull(),
    workspaceId: workspaceId(),
    deliveredAt: integer("delivered_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.target] })],
);

export const DELIVERY_STATES = ["failing", "dead", "retrying"] as const;

export const eventDeliveries = sqliteTable(
  "event_deliveries",
  {
    id: id(),
    workspaceId: workspaceId(),
    eventId: text("event_id").notNull(),
    target: text("target").notNull(),
    status: text("status", { enum: DELIVERY_STATES }).notNull(),
    attempts: integer("attempts").notNull(),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("event_deliveries_event_target_unique").on(t.eventId, t.target),
    index("event_deliveries_status_idx").on(t.workspaceId, t.status, t.id),
    index("event_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
