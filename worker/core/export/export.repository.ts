// The reads of the exports: every workspace-owned table walked by keyset on an index that
// starts with workspace_id, one page at a time; directory rows (settings, roles, staff, keys)
// read for this workspace only, without any secret.
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database, WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { apiKeys, auditLog, customerIdentifiers, customers, events, interactions, messages, roles, tasks, users, workspaceCounters, workspaces } from "../data/schema";

export const PAGE_SIZE = 500;

export type CustomerRow = typeof customers.$inferSelect;
export type IdentifierRow = typeof customerIdentifiers.$inferSelect;
export type InteractionRow = typeof interactions.$inferSelect;

const afterId = (column: typeof customers.id, id: string | undefined) => (id === undefined ? undefined : gt(column, id));

/** Live customers (not merged away, not erased), oldest first. */
export function liveCustomersAfter(scope: WorkspaceScope, after: CustomerRow | null) {
  return scope.db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), isNull(customers.mergedInto), isNull(customers.erasedAt), afterId(customers.id, after?.id)))
    .orderBy(asc(customers.id))
    .limit(PAGE_SIZE);
}

/** Every customer row, tombstones included (their merged_into / erased_at say what became of them). */
export function customersAfter(scope: WorkspaceScope, after: CustomerRow | null) {
  return scope.db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), afterId(customers.id, after?.id)))
    .orderBy(asc(customers.id))
    .limit(PAGE_SIZE);
}

/** The identifiers of a page of customers, grouped by customer (one JSON parameter: D1 binds at most 100). */
export async function identifiersByCustomer(scope: WorkspaceScope, customerIds: string[]): Promise<Map<string, IdentifierRow[]>> {
  const grouped = new Map<string, IdentifierRow[]>();
  if (customerIds.length === 0) return grouped;
  const rows = await scope.db
    .select()
    .from(customerIdentifiers)
    .where(
      and(
        eq(customerIdentifiers.workspaceId, scope.workspaceId),
        inList(customerIdentifiers.customerId, customerIds),
      ),
    )
    .orderBy(asc(customerIdentifiers.id));
  for (const row of rows) grouped.set(row.customerId, [...(grouped.get(row.customerId) ?? []), row]);
  return grouped;
}

/** Interactions in the order of their only index (customer, time, id), which the keyset follows. */
export function interactionsAfter(scope: WorkspaceScope, after: InteractionRow | null) {
  return scope.db
    .select()
    .from(interactions)
    .where(
      and(
        eq(interactions.workspaceId, scope.workspaceId),
        after ? sql`(${interactions.customerId}, ${interactions.occurredAt}, ${interactions.id}) > (${after.customerId}, ${after.occurredAt}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(interactions.customerId), asc(interactions.occurredAt), asc(interactions.id))
    .limit(PAGE_SIZE);
}

export function tasksAfter(scope: WorkspaceScope, after: { id: string } | null) {
  return scope.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workspaceId, scope.workspaceId), after ? gt(tasks.id, after.id) : undefined))
    .orderBy(asc(tasks.id))
    .limit(PAGE_SIZE);
}

export function messagesAfter(scope: WorkspaceScope, after: { id: string } | null) {
  return scope.db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, scope.workspaceId), after ? gt(messages.id, after.id) : undefined))
    .orderBy(asc(messages.id))
    .limit(PAGE_SIZE);
}

export function eventsAfter(scope: WorkspaceScope, after: { id: string } | null) {
  return scope.db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, scope.workspaceId), after ? gt(events.id, after.id) : undefined))
    .orderBy(asc(events.id))
    .limit(PAGE_SIZE);
}

export function auditAfter(scope: WorkspaceScope, after: { id: string } | null) {
  return scope.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, scope.workspaceId), after ? gt(auditLog.id, after.id) : undefined))
    .orderBy(asc(auditLog.id))
    .limit(PAGE_SIZE);
}

export function countersOf(scope: WorkspaceScope) {
  return scope.db
    .select({ name: workspaceCounters.name, value: workspaceCounters.value })
    .from(workspaceCounters)
    .where(eq(workspaceCounters.workspaceId, scope.workspaceId));
}

export function workspaceRow(directory: Database, workspaceId: string) {
  return directory.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
}

export function rolesOf(directory: Database, workspaceId: string) {
  return directory.select().from(roles).where(eq(roles.workspaceId, workspaceId)).orderBy(asc(roles.id));
}

/** Staff of the workspace, never their password hashes. */
export function staffOf(directory: Database, workspaceId: string) {
  return directory
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      roleId: users.roleId,
      status: users.status,
      locale: users.locale,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.workspaceId, workspaceId))
    .orderBy(asc(users.id));
}

/** API keys as a list shows them: name, prefix and scopes, never the key's hash. */
export function apiKeysOf(directory: Database, workspaceId: string) {
  return directory
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(asc(apiKeys.id));
}
