// Messages to staff (a password-recovery link, a sign-in code, the daily task digest): a record of
// each, apart from customers' messages. The text is kept only by the local development outbox, so a link or
// a code never sits in the database of a deployment.
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, workspaceId } from "../data/columns";
import { MESSAGE_CHANNELS, PROVIDER_KINDS } from "./messaging.schema";

export const STAFF_MESSAGE_PURPOSES = ["password_reset", "password_recovery", "sign_in_code", "task_digest"] as const;
export type StaffMessagePurpose = (typeof STAFF_MESSAGE_PURPOSES)[number];

export const staffMessages = sqliteTable(
  "staff_messages",
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: text("user_id").notNull(),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    purpose: text("purpose", { enum: STAFF_MESSAGE_PURPOSES }).notNull(),
    recipient: text("recipient").notNull(),
    providerKind: text("provider_kind", { enum: PROVIDER_KINDS }).notNull(),
    status: text("status", { enum: ["sent", "recorded", "failed"] }).notNull(),
    error: text("error"),
    // Only the local development outbox keeps the text (see dev-outbox.ts).
    subject: text("subject"),
    body: text("body"),
    createdAt: createdAt(),
  },
  (t) => [index("staff_messages_workspace_time_idx").on(t.workspaceId, t.createdAt), index("staff_messages_recipient_time_idx").on(t.recipient, t.createdAt)],
);
