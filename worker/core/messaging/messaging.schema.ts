// Messaging: each workspace's provider per channel, and every message it was asked to send.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

export const MESSAGE_CHANNELS = ["sms", "email"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const PROVIDER_KINDS = ["outbox", "kavenegar", "ippanel", "smsir", "http"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Marketing obeys quiet hours, caps and the daily limit; transactional goes at once. */
export const MESSAGE_PURPOSES = ["transactional", "marketing"] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/**
 * `deferred` until its due time (quiet hours, notBefore); `sending` while the provider is called;
 * `recorded` is the outbox's "kept, not delivered"; `delivered` / `failed` from a delivery report.
 */
export const MESSAGE_STATUSES = ["deferred", "sending", "sent", "recorded", "delivered", "failed", "skipped"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const SKIP_REASONS = ["no_consent", "no_address", "capped", "daily_limit"] as const;
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
    // The unguessable path token of /webhooks/sms/{provider}/{connectionId}, where the provider
    // posts delivery reports and replies; kept when the provider kind changes.
    connectionId: text("connection_id"),
    // SMS replies that withdraw consent, as the workspace wrote them; null: the defaults.
    optOutWords: json<string[]>("opt_out_words"),
    updatedBy: text("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channel] }), uniqueIndex("messaging_providers_connection_unique").on(t.connectionId)],
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
    purpose: text("purpose", { enum: MESSAGE_PURPOSES }).notNull().default("transactional"),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    // When a deferred message is to go (epoch ms); null for one sent at once.
    dueAt: integer("due_at"),
    // The provider's own template ("pattern") and its values, for a transactional fast path.
    providerTemplate: text("provider_template"),
    templateValues: json<Record<string, string>>("template_values"),
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
    // The message log (GET /api/messages): newest first, all or by status.
    index("messages_workspace_time_idx").on(t.workspaceId, t.createdAt, t.id),
    index("messages_workspace_status_time_idx").on(t.workspaceId, t.status, t.createdAt, t.id),
    // A delivery report names the provider's id of the message.
    index("messages_provider_ref_idx").on(t.workspaceId, t.providerKind, t.providerMessageId),
    // The deferred messages by due time, across workspaces: what the cron wakes (small: only deferred rows).
    index("messages_deferred_due_idx").on(t.dueAt).where(sql`status = 'deferred'`),
    // The messages whose provider call is under way, across workspaces (only in-flight rows): the
    // cron closes the ones whose call never came back (interrupted-sends.ts).
    index("messages_sending_idx").on(t.dueAt, t.createdAt).where(sql`status = 'sending'`),
    // Marketing per customer and channel over time: the frequency cap counts only this.
    index("messages_marketing_customer_idx").on(t.workspaceId, t.customerId, t.channel, t.createdAt).where(sql`purpose = 'marketing'`),
    // The workspace's marketing over time: the daily limit counts only this.
    index("messages_marketing_time_idx").on(t.workspaceId, t.createdAt).where(sql`purpose = 'marketing'`),
  ],
);

/** Saved texts per workspace, by name, in both languages, with placeholders like {firstName}. */
export const messageTemplates = sqliteTable(
  "message_templates",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    purpose: text("purpose", { enum: MESSAGE_PURPOSES }).notNull(),
    textFa: text("text_fa").notNull(),
    textEn: text("text_en").notNull(),
    subjectFa: text("subject_fa"),
    subjectEn: text("subject_en"),
    // The provider's template name ("pattern", "verify lookup") this one stands for, if any.
    providerTemplate: text("provider_template"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("message_templates_name_unique").on(t.workspaceId, t.name)],
);

/** /s/{code}: a URL behind a short random code, of one workspace, optionally of one message. */
export const shortLinks = sqliteTable(
  "short_links",
  {
    code: text("code").primaryKey(),
    workspaceId: workspaceId(),
    url: text("url").notNull(),
    messageId: text("message_id"),
    customerId: text("customer_id"),
    expiresAt: integer("expires_at"),
    clicks: integer("clicks").notNull().default(0),
    firstClickedAt: integer("first_clicked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("short_links_message_idx").on(t.workspaceId, t.messageId)],
);
