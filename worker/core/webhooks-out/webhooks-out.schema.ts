// Outgoing webhooks: the URLs a workspace subscribes to its events, and every attempt to deliver
// an event to one of them.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    id: id(),
    workspaceId: workspaceId(),
    url: text("url").notNull(),
    description: text("description"),
    /** Event names, or "*" for every event. */
    events: json<string[]>("events").notNull(),
    // HMAC needs the secret itself (a hash would not sign), so it is kept, sealed
    // (secrets/secret-box.ts), and shown only when created or rotated.
    secret: text("secret").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Why it stopped being sent to, e.g. "gone (410)"; null while enabled. */
    disabledReason: text("disabled_reason"),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    lastAttemptAt: integer("last_attempt_at"),
    /** Failed attempts since the last success. */
    failureCount: integer("failure_count").notNull().default(0),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_subscriptions_workspace_idx").on(t.workspaceId, t.id)],
);

export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: id(),
    workspaceId: workspaceId(),
    subscriptionId: text("subscription_id").notNull(),
    eventId: text("event_id").notNull(),
    eventName: text("event_name").notNull(),
    /** 1 for the first attempt to send this event to this subscription, 2 for its first retry, … */
    attempt: integer("attempt").notNull(),
    /** Null when no response came (timeout, network error, refused address). */
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    // The deliveries list of a subscription, newest first.
    index("webhook_attempts_subscription_idx").on(t.workspaceId, t.subscriptionId, t.id),
    // Counting earlier attempts of one event, for the attempt number.
    index("webhook_attempts_event_idx").on(t.workspaceId, t.subscriptionId, t.eventId),
  ],
);
