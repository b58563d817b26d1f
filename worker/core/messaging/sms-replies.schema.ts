// SMS replies: every inbound SMS a provider reported, matched to the customer by the sender's
// mobile or kept as unmatched (listed for staff, nothing else created).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, workspaceId } from "../data/columns";

export const smsReplies = sqliteTable(
  "sms_replies",
  {
    id: id(),
    workspaceId: workspaceId(),
    // The sender: the canonical mobile, or the number as the provider gave it when it is not one.
    sender: text("sender").notNull(),
    text: text("text").notNull(),
    customerId: text("customer_id"),
    interactionId: text("interaction_id"),
    inReplyToMessageId: text("in_reply_to_message_id"),
    // The provider's id of the inbound SMS, so a callback sent again records nothing twice.
    providerRef: text("provider_ref").notNull(),
    optOut: integer("opt_out", { mode: "boolean" }).notNull().default(false),
    receivedAt: integer("received_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("sms_replies_provider_ref_unique").on(t.workspaceId, t.providerRef),
    // The unmatched list, newest first; `customer_id is null` rows only.
    index("sms_replies_unmatched_idx").on(t.workspaceId, t.receivedAt, t.id).where(sql`customer_id is null`),
  ],
);
