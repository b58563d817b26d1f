// The orders the customer list can be sorted in, each paged by keyset on its own index
// (workspace, column, id): newest first (by id), name A→Z, last order, total spent and order count
// (largest first). A cursor carries the last row's value and id; row values compare both at once,
// so a page starts exactly after the last one, with no gap and no repeat among equal values.
import { asc, desc, isNull, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { customers } from "../data/schema";

export const CUSTOMER_SORTS = ["created", "name", "lastOrder", "totalSpent", "orderCount"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** Where the previous page ended: the sort column's value (null for no order yet) and the id. */
export interface SortAfter {
  value: string | number | null;
  id: string;
}

type CustomerRow = typeof customers.$inferSelect;

interface SortSpec {
  column: SQLiteColumn;
  direction: "asc" | "desc";
  /** Whether the column may be null (customers without orders); nulls come last. */
  nullable: boolean;
  valueOf: (row: CustomerRow) => string | number | null;
}

const SPECS: Record<Exclude<CustomerSort, "created">, SortSpec> = {
  name: { column: customers.nameKey, direction: "asc", nullable: false, valueOf: (row) => row.nameKey },
  lastOrder: { column: customers.lastOrderAt, direction: "desc", nullable: true, valueOf: (row) => row.lastOrderAt },
  totalSpent: { column: customers.totalSpent, direction: "desc", nullable: false, valueOf: (row) => row.totalSpent },
  orderCount: { column: customers.orderCount, direction: "desc", nullable: false, valueOf: (row) => row.orderCount },
};

/** The ORDER BY of a sorted list (not for "created", which the list orders by id itself). */
export function sortOrder(sort: Exclude<CustomerSort, "created">): SQL[] {
  const { column, direction } = SPECS[sort];
  const by = direction === "asc" ? asc : desc;
  return [by(column), by(customers.id)];
}

/** Rows after the previous page's last one, in the sort's order. */
export function sortAfter(sort: Exclude<CustomerSort, "created">, after: SortAfter): SQL {
  const { column, direction, nullable } = SPECS[sort];
  const beyond = direction === "asc" ? sql`>` : sql`<`;
  // In descending order SQLite puts nulls last: past a null, only nulls with a smaller id follow.
  if (nullable && after.value === null) return sql`(${column} is null and ${customers.id} ${beyond} ${after.id})`;
  const pastValue = sql`(${column}, ${customers.id}) ${beyond} (${after.value}, ${after.id})`;
  return nullable ? or(pastValue, isNull(column))! : pastValue;
}

/** The cursor key of a row in this sort. */
export const sortKey = (sort: CustomerSort, row: CustomerRow): unknown[] => (sort === "created" ? [row.id] : [SPECS[sort].valueOf(row), row.id]);

/** The previous page's end from a decoded cursor, or null when the cursor does not fit the sort. */
export function afterFromKey(sort: CustomerSort, key: unknown[]): { afterId: string; after?: SortAfter } | null {
  if (sort === "created") return typeof key[0] === "string" ? { afterId: key[0] } : null;
  const [value, id] = key;
  if (typeof id !== "string") return null;
  const expected = sort === "name" ? "string" : "number";
  if (!(typeof value === expected || (value === null && SPECS[sort].nullable))) return null;
  return { afterId: id, after: { value: value as string | number | null, id } };
}
