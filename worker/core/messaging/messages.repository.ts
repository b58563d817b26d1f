// Every query on messages. Every function takes the workspace scope first.
import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { now, toIso } from "../data/clock";
import type { Database, WorkspaceScope } from "../data/database";
import { idsOfWorkspace } from "../data/in-list";
import { messages } from "../data/schema";
import { maskIdentifier } from "../customers/mask";
import type { MessageView } from "./message.schemas";
import type { MessageChannel } from "./messaging.schema";

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

/** Records the provider's answer (or a skip found when a deferred message was due) on a claimed message. */
export function completeMessage(
  scope: WorkspaceScope,
  messageId: string,
  outcome: Pick<MessageRow, "status" | "completedAt"> & Partial<Pick<MessageRow, "providerMessageId" | "providerKind" | "error" | "skipReason" | "recipient">>,
) {
  return scope.db
    .update(messages)
    .set(outcome)
    .where(and(eq(messages.workspaceId, scope.workspaceId), eq(messages.id, messageId)))
    .returning();
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
    purpose: row.purpose,
    status: row.status,
    reason: row.skipReason,
    dueAt: toIso(row.dueAt),
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

// Statuses that count against a cap or the daily limit: whatever went or is still to go.
const COUNTED = sql`${messages.status} not in ('skipped', 'failed')`;
// Written as literals, not parameters: SQLite uses a partial index only when the query's own
// condition names the index's value.
const IS_MARKETING = sql`${messages.purpose} = 'marketing'`;
const IS_DEFERRED = sql`${messages.status} = 'deferred'`;

/**
 * Marketing already sent (or due) to the customer on the channel in the last 24 hours and 7 days,
 * and by the whole workspace since its local midnight: one statement, each count read from a
 * partial index of marketing rows (see the EXPLAIN check in the policy tests).
 */
export function marketingCountsQuery(scope: WorkspaceScope, customerId: string, channel: MessageChannel, since: { day: number; week: number; localMidnight: number }) {
  const mine = and(eq(messages.workspaceId, scope.workspaceId), eq(messages.customerId, customerId), eq(messages.channel, channel), IS_MARKETING, COUNTED);
  const workspaceToday = and(eq(messages.workspaceId, scope.workspaceId), IS_MARKETING, gte(messages.createdAt, since.localMidnight), COUNTED);
  return scope.db
    .select({
      lastDay: sql<number>`(select count(*) from ${messages} where ${and(mine, gte(messages.createdAt, since.day))})`,
      lastWeek: sql<number>`(select count(*) from ${messages} where ${and(mine, gte(messages.createdAt, since.week))})`,
      today: sql<number>`(select count(*) from ${messages} where ${workspaceToday})`,
    })
    .from(sql`(select 1)`);
}

/** Deferred messages due by `at`, oldest due first, across workspaces: read from messages_deferred_due_idx. */
export function dueMessagesQuery(db: Database, at: number, limit: number) {
  return db
    .select({ id: messages.id, workspaceId: messages.workspaceId })
    .from(messages)
    .where(and(IS_DEFERRED, lte(messages.dueAt, at)))
    .orderBy(asc(messages.dueAt))
    .limit(limit);
}

/** Takes a deferred message for sending; of any number of wakers exactly one gets the row. */
export async function claimDeferred(scope: WorkspaceScope, messageId: string): Promise<MessageRow | null> {
  const [row] = await scope.db
    .update(messages)
    // due_at becomes the moment it went out, so a call that never comes back is found by it (interrupted-sends.ts).
    .set({ status: "sending", dueAt: now() })
    .where(and(eq(messages.workspaceId, scope.workspaceId), eq(messages.id, messageId), eq(messages.status, "deferred")))
    .returning();
  return row ?? null;
}
