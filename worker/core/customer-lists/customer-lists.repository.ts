// Storage of static lists and their members. Members are added and removed by id; only live
// customers of the workspace are ever added.
import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { now, toIso } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { customerListMembers, customerLists, customers } from "../data/schema";

export type CustomerListRow = typeof customerLists.$inferSelect;

const byId = (scope: WorkspaceScope, id: string) => and(eq(customerLists.workspaceId, scope.workspaceId), eq(customerLists.id, id));
const membersOf = (scope: WorkspaceScope, listId: string) => and(eq(customerListMembers.workspaceId, scope.workspaceId), eq(customerListMembers.listId, listId));

export async function findCustomerList(scope: WorkspaceScope, id: string): Promise<CustomerListRow | null> {
  return (await scope.db.select().from(customerLists).where(byId(scope, id)).get()) ?? null;
}

/** Lists newest first, each with how many customers it holds (lists are few; members read by index). */
export function listCustomerLists(scope: WorkspaceScope, afterId: string | null, limit: number) {
  const size = scope.db
    .select({ n: count() })
    .from(customerListMembers)
    .where(and(eq(customerListMembers.workspaceId, scope.workspaceId), eq(customerListMembers.listId, customerLists.id)));
  return scope.db
    .select({ list: customerLists, size: sql<number>`(${size})` })
    .from(customerLists)
    .where(and(eq(customerLists.workspaceId, scope.workspaceId), afterId ? lt(customerLists.id, afterId) : undefined))
    .orderBy(desc(customerLists.id))
    .limit(limit + 1);
}

export function insertCustomerList(scope: WorkspaceScope, row: { id: string; name: string; createdBy: string | null }) {
  const time = now();
  return scope.db.insert(customerLists).values({ ...row, workspaceId: scope.workspaceId, createdAt: time, updatedAt: time });
}

/** The list and its memberships go together. */
export function deleteCustomerListStatements(scope: WorkspaceScope, id: string) {
  return [scope.db.delete(customerListMembers).where(membersOf(scope, id)), scope.db.delete(customerLists).where(byId(scope, id))] as const;
}

/** Adds these customers (those live in the workspace; others are skipped) and removes those. */
export function changeMembersStatements(scope: WorkspaceScope, listId: string, add: string[], remove: string[]) {
  const time = now();
  const live = scope.db
    .select({
      workspaceId: customers.workspaceId,
      listId: sql<string>`${listId}`.as("list_id"),
      customerId: customers.id,
      addedAt: sql<number>`${time}`.as("added_at"),
    })
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), inList(customers.id, add), isNull(customers.erasedAt), isNull(customers.mergedInto)));
  return [
    ...(add.length ? [scope.db.insert(customerListMembers).select(live).onConflictDoNothing()] : []),
    ...(remove.length ? [scope.db.delete(customerListMembers).where(and(membersOf(scope, listId), inList(customerListMembers.customerId, remove)))] : []),
    scope.db.update(customerLists).set({ updatedAt: time }).where(byId(scope, listId)),
  ];
}

export async function listSize(scope: WorkspaceScope, listId: string): Promise<number> {
  const row = await scope.db.select({ n: count() }).from(customerListMembers).where(membersOf(scope, listId)).get();
  return Number(row?.n ?? 0);
}

export const presentCustomerList = (row: CustomerListRow, size: number) => ({
  id: row.id,
  name: row.name,
  size,
  createdAt: toIso(row.createdAt)!,
  updatedAt: toIso(row.updatedAt)!,
});
