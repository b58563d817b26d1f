// Interactions: every call, message, visit or note that makes up the relationship.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, workspaceId } from "../data/columns";

export const INTERACTION_TYPES = [
  "call", "sms", "email", "chat", "social", "visit", "note", "complaint", "pre_invoice", "invoice",
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const INTERACTION_DIRECTIONS = ["inbound", "outbound", "internal"] as const;

/** How a call went, the list a call centre logs against. */
export const CALL_OUTCOMES = ["answered", "no_answer", "busy", "wrong_number", "voicemail"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Where a complaint stands; only complaints have one. */
export const COMPLAINT_STATUSES = ["open", "in_progress", "resolved"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

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
    // Calls only: how it went and how long it lasted.
    outcome: text("outcome", { enum: CALL_OUTCOMES }),
    durationSeconds: integer("duration_seconds"),
    // Complaints only: open until someone resolves it.
    status: text("status", { enum: COMPLAINT_STATUSES }),
    statusChangedAt: integer("status_changed_at"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("interactions_customer_time_idx").on(t.workspaceId, t.customerId, t.occurredAt, t.id),
    // The complaints to work through, oldest first; partial, as only complaints carry a status.
    index("interactions_complaint_status_idx").on(t.workspaceId, t.status, t.occurredAt, t.id).where(sql`${t.status} is not null`),
  ],
);
