// Every query on messages. Every function takes the workspace scope first.
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { toIso } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { idsOfWorkspace } from "../data/in-list";
import { messages } from "../data/schema";
import { maskIdentifier } from "../customers/mask";
import type { MessageView } from "./message.schemas";

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = Omit<typeof messages.$inferInsert, "workspaceId">;

/**
 * Inserts the message unless its idempotency key is taken. The unique index decides, so of
 * any number of concurrent callers exactly one gets the row back (and may send).
 */
export async function claimMessage(scope: WorkspaceScope, message: NewMessage): Promise<MessageRow | null> {
  const [row] = await scope.db
    .insert(messages)
    .values({ ...message, workspaceId: scope.workspaceId })
    .onConflictDoNothing({ target: [messages.workspaceId, messages.idempotencyKey] })
    .returning();
  return row ?? null;
}

export async function findMessageByKey(scope: WorkspaceScope, idempotencyKey: string): Promise<MessageRow | null> {
  const row = await scope.db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, scope.workspaceId), eq(messages.idempotencyKey, idempotencyKey)))
    .get();
  return row ?? null;
}

/** Records the provider's answer on a claimed message. */
export async function completeMessage(
  scope: WorkspaceScope,
  messageId: string,
  outcome: Pick<MessageRow, "status" | "providerMessageId" | "error" | "completedAt">,
): Promise<MessageRow> {
  const [row] = await scope.db
    .update(messages)
    .set(outcome)
    .where(and(eq(messages.workspaceId, scope.workspaceId), eq(messages.id, messageId)))
    .returning();
  return row!;
}

/** A customer's messages, newest first, by keyset over (created_at, id); one extra row tells whether more follow. */
export function customerMessagesQuery(scope: WorkspaceScope, customerId: string, page: { before: { at: number; id: string } | null; limit: number }) {
  const older = page.before ? sql`(${messages.createdAt}, ${messages.id}) < (${page.before.at}, ${page.before.id})` : undefined;
  return scope.db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, scope.workspaceId), eq(messages.customerId, customerId), older))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(page.limit + 1);
}

export async function messagesByIds(scope: WorkspaceScope, ids: string[]): Promise<MessageRow[]> {
  if (ids.length === 0) return [];
  return scope.db
    .select()
    .from(messages)
    .where(idsOfWorkspace(messages.workspaceId, scope.workspaceId, messages.id, ids));
}

/**
 * The timeline branch of messages: (kind, id, at) of a customer's messages before the cursor,
 * read from messages_customer_time_idx alone. A message stands at the time it was asked for.
 */
export function messageTimelineKeys(scope: WorkspaceScope, customerId: string, before: { at: number; id: string } | null): SQL {
  const older = before ? sql` and (${messages.createdAt}, ${messages.id}) < (${before.at}, ${before.id})` : sql``;
  return sql`select 'message' as kind, ${messages.id} as id, ${messages.createdAt} as at from ${messages}
    where ${messages.workspaceId} = ${scope.workspaceId} and ${messages.customerId} = ${customerId}${older}`;
}

export function presentMessage(row: MessageRow): MessageView {
  return {
    id: row.id,
    customerId: row.customerId,
    channel: row.channel,
    status: row.status,
    reason: row.skipReason,
    // Masked for everyone: the customer's record is where a full number is revealed (and audited).
    to: row.recipient === null ? null : maskIdentifier(row.channel === "sms" ? "mobile" : "email", row.recipient),
    subject: row.subject,
    body: row.body,
    provider: row.providerKind,
    providerMessageId: row.providerMessageId,
    error: row.error,
    sentBy: { userId: row.sentByUserId, plugin: row.sentByPlugin },
    createdAt: toIso(row.createdAt)!,
    completedAt: toIso(row.completedAt),
  };
}
