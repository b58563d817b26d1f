// Queries about customers and their identifiers. Every function takes the workspace scope first.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { customerIdentifiers, customers } from "../data/schema";
import { customerListQuery, planSearch, type CustomerFilters, type PageRequest, type SearchReach } from "./customer-search.repository";
import { identifierPairsOf } from "./identifier-pairs";
import type { IdentifierKind } from "./customers.schema";

export type CustomerRow = typeof customers.$inferSelect;
export type IdentifierRow = typeof customerIdentifiers.$inferSelect;

/** A live (not erased, not merged away) customer of this workspace, or null. */
export async function findCustomer(scope: WorkspaceScope, customerId: string): Promise<CustomerRow | null> {
  const row = await scope.db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), eq(customers.id, customerId), isNull(customers.erasedAt), isNull(customers.mergedInto)))
    .get();
  return row ?? null;
}

export async function identifiersOf(scope: WorkspaceScope, customerIds: string[]): Promise<Map<string, IdentifierRow[]>> {
  const byCustomer = new Map<string, IdentifierRow[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return byCustomer;
  const rows = await scope.db
    .select()
    .from(customerIdentifiers)
    .where(and(eq(customerIdentifiers.workspaceId, scope.workspaceId), inList(customerIdentifiers.customerId, customerIds)))
    .orderBy(customerIdentifiers.id);
  for (const row of rows) byCustomer.get(row.customerId)?.push(row);
  return byCustomer;
}

/** Identifiers, among these (kind, value) pairs, that already belong to a customer. */
export async function findIdentifiers(scope: WorkspaceScope, pairs: Array<{ kind: IdentifierKind; value: string }>): Promise<IdentifierRow[]> {
  if (pairs.length === 0) return [];
  return identifierLookupQuery(scope, pairs);
}

/** The lookup, unexecuted, so tests can EXPLAIN it: one probe of the unique index per pair. */
export function identifierLookupQuery(scope: WorkspaceScope, pairs: Array<{ kind: IdentifierKind; value: string }>) {
  return scope.db
    .select()
    .from(customerIdentifiers)
    .where(identifierPairsOf(scope.workspaceId, pairs));
}

/** Newest first, keyset-paginated by id, searched and filtered. Fetches one extra row to know whether a next page exists. */
export async function listCustomers(
  scope: WorkspaceScope,
  page: PageRequest,
  filters: CustomerFilters = {},
  reach: SearchReach = { mobileTail: false },
): Promise<CustomerRow[]> {
  const search = filters.q !== undefined ? await planSearch(scope, filters.q) : undefined;
  return customerListQuery(scope, filters, page, search, reach);
}

export const isUniqueViolation = (error: unknown): boolean => String((error as Error)?.message ?? error).includes("UNIQUE constraint failed");

export const countSql = sql<number>`count(*)`;
