// Queries of the duplicate finder. Each walks an index in key order or looks keys up in one;
// none compares every customer with every other. Lists of keys travel as one JSON parameter
// (json_each), because D1 allows only 100 bound parameters per statement.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { jsonList } from "../data/in-list";
import { customerIdentifiers, customers } from "../data/schema";
import type { IdentifierKind } from "./customers.schema";
import type { CustomerRow, IdentifierRow } from "./customers.repository";

const live = and(isNull(customers.mergedInto), isNull(customers.erasedAt));

/** Identifiers of these kinds after (kind, value), in the order of the unique index. */
export function identifiersAfter(
  scope: WorkspaceScope,
  kinds: readonly IdentifierKind[],
  after: { kind: string; value: string } | null,
  limit: number,
) {
  return scope.db
    .select()
    .from(customerIdentifiers)
    .where(
      and(
        eq(customerIdentifiers.workspaceId, scope.workspaceId),
        inArray(customerIdentifiers.kind, [...kinds]),
        after ? sql`(${customerIdentifiers.kind}, ${customerIdentifiers.value}) > (${after.kind}, ${after.value})` : undefined,
      ),
    )
    .orderBy(customerIdentifiers.kind, customerIdentifiers.value)
    .limit(limit);
}

export function identifierById(scope: WorkspaceScope, identifierId: string): Promise<IdentifierRow | undefined> {
  return scope.db
    .select()
    .from(customerIdentifiers)
    .where(and(eq(customerIdentifiers.workspaceId, scope.workspaceId), eq(customerIdentifiers.id, identifierId)))
    .get();
}

/** Identifiers of any kind whose stored value is one of these (the value index). */
export async function identifiersWithValues(scope: WorkspaceScope, values: readonly string[]): Promise<IdentifierRow[]> {
  if (values.length === 0) return [];
  return scope.db
    .select()
    .from(customerIdentifiers)
    .where(and(eq(customerIdentifiers.workspaceId, scope.workspaceId), sql`${customerIdentifiers.value} in ${jsonList(values)}`));
}

/** Which of these customer ids are live (not merged away, not erased). */
export async function liveCustomerIds(scope: WorkspaceScope, customerIds: readonly string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await scope.db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), sql`${customers.id} in ${jsonList(customerIds)}`, live));
  return new Set(rows.map((row) => row.id));
}

export interface NameGroup {
  /** The folded name without spaces: "علی رضا" and "علیرضا" share "علیرضا". */
  compactKey: string;
  /** The folded names (name_key values) that compact to it. */
  nameKeys: string[];
}

/**
 * Names held by more than one customer once spaces are ignored, in compact-key order after
 * `after`. Grouped over the covering name index (workspace_id, name_key): one pass over the
 * index, no table rows and no pairwise comparison. Merged or erased rows may make a group
 * that turns out to have one live member; the caller drops those.
 */
export function nameGroupsQuery(scope: WorkspaceScope, after: string | null, limit: number) {
  const compact = sql<string>`replace(${customers.nameKey}, ' ', '')`;
  return scope.db
    .select({ compactKey: compact, nameKeys: sql<string>`json_group_array(distinct ${customers.nameKey})` })
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), sql`${customers.nameKey} <> ''`, after === null ? undefined : sql`${compact} > ${after}`))
    .groupBy(compact)
    .having(sql`count(*) > 1`)
    .orderBy(compact)
    .limit(limit);
}

export async function nameGroupsAfter(scope: WorkspaceScope, after: string | null, limit: number): Promise<NameGroup[]> {
  const rows = await nameGroupsQuery(scope, after, limit);
  return rows.map((row) => ({ compactKey: row.compactKey, nameKeys: JSON.parse(row.nameKeys) as string[] }));
}

/**
 * Live customers carrying one of these folded names, oldest first, at most `perName` of each
 * name so that a very common name ("محمد محمدی") cannot flood one page.
 */
export async function liveCustomersNamed(scope: WorkspaceScope, nameKeys: readonly string[], perName: number): Promise<CustomerRow[]> {
  if (nameKeys.length === 0) return [];
  const ranked = scope.db.$with("ranked").as(
    scope.db
      .select({ id: customers.id, rank: sql<number>`row_number() over (partition by ${customers.nameKey} order by ${customers.id})`.as("rank") })
      .from(customers)
      .where(and(eq(customers.workspaceId, scope.workspaceId), sql`${customers.nameKey} in ${jsonList(nameKeys)}`, live)),
  );
  return scope.db
    .with(ranked)
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), sql`${customers.id} in (select ${ranked.id} from ${ranked} where ${ranked.rank} <= ${perName})`))
    .orderBy(customers.id);
}

/** Live customers by id, with their identifiers, for presenting a page of candidates. */
export async function liveCustomersWithIdentifiers(
  scope: WorkspaceScope,
  customerIds: readonly string[],
): Promise<{ customers: Map<string, CustomerRow>; identifiers: Map<string, IdentifierRow[]> }> {
  const found = { customers: new Map<string, CustomerRow>(), identifiers: new Map<string, IdentifierRow[]>() };
  if (customerIds.length === 0) return found;
  const [rows, identifierRows] = await Promise.all([
    scope.db
      .select()
      .from(customers)
      .where(and(eq(customers.workspaceId, scope.workspaceId), sql`${customers.id} in ${jsonList(customerIds)}`, live)),
    scope.db
      .select()
      .from(customerIdentifiers)
      .where(and(eq(customerIdentifiers.workspaceId, scope.workspaceId), sql`${customerIdentifiers.customerId} in ${jsonList(customerIds)}`))
      .orderBy(customerIdentifiers.id),
  ]);
  for (const row of rows) found.customers.set(row.id, row);
  for (const row of identifierRows) found.identifiers.set(row.customerId, [...(found.identifiers.get(row.customerId) ?? []), row]);
  return found;
}
