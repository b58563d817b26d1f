// Everything that belongs to a customer and must follow them when they are merged into another.
// One entry per kind of data: orders and plugin data join this list with one line each
// (orders will also recompute the survivor's order figures: first/last order, count, total, stage).
import type { BatchItem } from "drizzle-orm/batch";
import { and, eq, sql } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import type { WorkspaceScope } from "../data/database";
import { customerIdentifiers, customerNameWords, customerTags, interactions, messages, orders, tasks } from "../data/schema";
import { mergedOrderFigures } from "../orders/customer-figures";

export interface MergeContext {
  scope: WorkspaceScope;
  survivorId: string;
  mergedId: string;
  /** The workspace's time zone (default Asia/Tehran). */
  timeZone?: string;
}

/** The statements that move one kind of data; they run inside the merge's single batch. */
export type MergeMove = (merge: MergeContext) => BatchItem<"sqlite">[];

type CustomerOwned = SQLiteTable & { workspaceId: AnySQLiteColumn; customerId: AnySQLiteColumn };

// Statements are built with drizzle's query builder, not `db.run(sql)`: raw statements with
// parameters cannot join a D1 batch in drizzle-orm 0.45.

/** Rows that point at the customer by customer_id now point at the survivor. */
export function reassign<T extends CustomerOwned>(table: T): MergeMove {
  return ({ scope, survivorId, mergedId }) => [
    scope.db
      .update(table)
      .set({ customerId: survivorId } as SQLiteUpdateSetSource<T>)
      .where(and(eq(table.workspaceId, scope.workspaceId), eq(table.customerId, mergedId))),
  ];
}

// Set-like rows keyed by (workspace, value, customer) are copied to the survivor where it does
// not have them already (a tag both carry stays one row), then removed from the merged customer.

const uniteTags: MergeMove = ({ scope, survivorId, mergedId }) => {
  const ofMerged = and(eq(customerTags.workspaceId, scope.workspaceId), eq(customerTags.customerId, mergedId));
  const survivorRows = scope.db
    .select({ workspaceId: customerTags.workspaceId, tag: customerTags.tag, customerId: sql<string>`${survivorId}`.as("customer_id") })
    .from(customerTags)
    .where(ofMerged);
  return [scope.db.insert(customerTags).select(survivorRows).onConflictDoNothing(), scope.db.delete(customerTags).where(ofMerged)];
};

const uniteNameWords: MergeMove = ({ scope, survivorId, mergedId }) => {
  const ofMerged = and(eq(customerNameWords.workspaceId, scope.workspaceId), eq(customerNameWords.customerId, mergedId));
  const survivorRows = scope.db
    .select({ workspaceId: customerNameWords.workspaceId, word: customerNameWords.word, customerId: sql<string>`${survivorId}`.as("customer_id") })
    .from(customerNameWords)
    .where(ofMerged);
  return [scope.db.insert(customerNameWords).select(survivorRows).onConflictDoNothing(), scope.db.delete(customerNameWords).where(ofMerged)];
};

export const MERGE_MOVES: readonly MergeMove[] = [
  // Every identifier, the merged customer's issued code included, so all of them find the survivor.
  reassign(customerIdentifiers),
  reassign(interactions),
  reassign(tasks),
  reassign(messages),
  uniteTags,
  // The merged customer's name words stay searchable: looking up the old name finds the survivor.
  uniteNameWords,
  // Orders follow; the survivor's figures and stage are recomputed from them, the merged customer leaves the counts.
  reassign(orders),
  mergedOrderFigures,
];
