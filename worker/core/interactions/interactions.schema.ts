// Interactions: every call, message, visit or note that makes up the relationship.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, workspaceId } from "../data/columns";

export const INTERACTION_TYPES = [
  "call", "sms", "email", "chat", "social", "visit", "note", "complaint", "pre_invoice", "invoice",
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const INTERACTION_DIRECTIONS = ["inbound", "outbound", "internal"] as const;

export const interactions = sqliteTable(
  "interactions",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    type: text("type", { enum: INTERACTION_TYPES }).notNull(),
    // Free-form channel detail, e.g. "instagram", "telegram", "whatsapp", "phone".
    channel: text("channel"),
    direction: text("direction", { enum: INTERACTION_DIRECTIONS }).notNull().default("internal"),
    summary: text("summary").notNull(),
    occurredAt: integer("occurred_at").notNull(),
    staffUserId: text("staff_user_id"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [index("interactions_customer_time_idx").on(t.workspaceId, t.customerId, t.occurredAt, t.id)],
);
