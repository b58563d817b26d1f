// Messaging: each workspace's provider per channel, and every message it was asked to send.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

export const MESSAGE_CHANNELS = ["sms", "email"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const PROVIDER_KINDS = ["outbox", "kavenegar", "http"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** `sending` while the provider is called; `recorded` is the outbox's "kept, not delivered". */
export const MESSAGE_STATUSES = ["sending", "sent", "recorded", "failed", "skipped"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const SKIP_REASONS = ["no_consent", "no_address"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

// Secrets sit in their own column so no reader can pick them up with the rest of the config
// by accident; each value is sealed (secrets/secret-box.ts) and opened only for sending.
export const messagingProviders = sqliteTable(
  "messaging_providers",
  {
    workspaceId: workspaceId(),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    kind: text("kind", { enum: PROVIDER_KINDS }).notNull(),
    config: json<Record<string, string>>("config").notNull(),
    secrets: json<Record<string, string>>("secrets").notNull(),
    updatedBy: text("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channel] })],
);

export const messages = sqliteTable(
  "messages",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    // Namespaced by who sent it ("core:…", "plugin:nps:…"), so one sender cannot use up another's key.
    idempotencyKey: text("idempotency_key").notNull(),
    // The normalized mobile or e-mail it went to; null when there was none.
    recipient: text("recipient"),
    subject: text("subject"),
    body: text("body").notNull(),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    skipReason: text("skip_reason", { enum: SKIP_REASONS }),
    providerKind: text("provider_kind", { enum: PROVIDER_KINDS }),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    sentByUserId: text("sent_by_user_id"),
    sentByPlugin: text("sent_by_plugin"),
    createdAt: createdAt(),
    // When the provider answered (or the message was skipped).
    completedAt: integer("completed_at"),
  },
  (t) => [
    uniqueIndex("messages_idempotency_unique").on(t.workspaceId, t.idempotencyKey),
    // The customer's messages newest first: the timeline branch and the list read only this.
    index("messages_customer_time_idx").on(t.workspaceId, t.customerId, t.createdAt, t.id),
  ],
);
