// Changing the workspace's CID kind. Every live customer must already carry an identifier of the
// new kind; when they all do, every customer's `cid` is rewritten to it (for `issued`, to the
// code every customer has had since creation).
import { and, asc, eq, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { customerIdentifiers, customers } from "../data/schema";
import type { CidKind } from "../workspaces/workspaces.schema";

/** How many of the customers lacking the identifier a refusal names. */
export const LACKING_SHOWN = 50;

export interface LackingCustomers {
  total: number;
  customers: Array<{ id: string; code: string; displayName: string }>;
}

const live = (scope: WorkspaceScope) => and(eq(customers.workspaceId, scope.workspaceId), isNull(customers.erasedAt), isNull(customers.mergedInto));

/** Live customers without an identifier of this kind: the first LACKING_SHOWN by id, and the count. */
export async function customersLacking(scope: WorkspaceScope, kind: Exclude<CidKind, "issued">): Promise<LackingCustomers> {
  const lacking = and(
    live(scope),
    notExists(
      scope.db
        .select({ one: sql`1` })
        .from(customerIdentifiers)
        .where(
          and(
            eq(customerIdentifiers.workspaceId, scope.workspaceId),
            eq(customerIdentifiers.customerId, customers.id),
            eq(customerIdentifiers.kind, kind),
          ),
        ),
    ),
  );
  const [counted, shown] = await Promise.all([
    scope.db.select({ total: sql<number>`count(*)` }).from(customers).where(lacking).get(),
    scope.db
      .select({ id: customers.id, code: customers.code, displayName: customers.displayName })
      .from(customers)
      .where(lacking)
      .orderBy(asc(customers.id))
      .limit(LACKING_SHOWN),
  ]);
  return { total: counted?.total ?? 0, customers: shown.map((row) => ({ ...row, displayName: row.displayName || row.code })) };
}

/**
 * The statements that re-key every customer, for the batch that changes the kind. The CIDs are
 * cleared first because the unique index is checked row by row: a username may equal another
 * customer's national code. Merged-away rows keep no CID (their identifiers moved on).
 */
export function rekeyStatements(scope: WorkspaceScope, kind: CidKind, time: number) {
  // A customer with two identifiers of the kind keeps the first one given.
  const value =
    kind === "issued"
      ? sql`${customers.code}`
      : sql`(select ${customerIdentifiers.value} from ${customerIdentifiers}
          where ${customerIdentifiers.workspaceId} = ${scope.workspaceId} and ${customerIdentifiers.customerId} = ${customers.id}
            and ${customerIdentifiers.kind} = ${kind}
          order by ${customerIdentifiers.id} limit 1)`;
  return [
    scope.db
      .update(customers)
      .set({ cid: null })
      .where(and(eq(customers.workspaceId, scope.workspaceId), isNotNull(customers.cid))),
    scope.db.update(customers).set({ cid: value, updatedAt: time }).where(live(scope)),
  ] as const;
}
