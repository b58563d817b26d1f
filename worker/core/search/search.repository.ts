// Storage side of the top-bar search: orders by a prefix of their number (the number index) and
// open tasks whose title holds the words, each with its customer's name joined in, so the results
// need no request per row.
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { toAsciiDigits } from "../cid/digits";
import type { WorkspaceScope } from "../data/database";
import { customers, orders, tasks } from "../data/schema";

// Sorts after every character, so [prefix, prefix + LAST) is the range of values starting with it.
const LAST = "\u{10FFFF}";

/** An order number as staff type it: "#1024", "۱۰۲۴", " o-00012 ". */
export const orderNumberOf = (q: string): string => toAsciiDigits(q.normalize("NFKC")).trim().replace(/^#/, "").toUpperCase();

export function ordersByNumberQuery(scope: WorkspaceScope, q: string, limit: number) {
  const number = orderNumberOf(q);
  return scope.db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      total: orders.total,
      currency: orders.currency,
      placedAt: orders.placedAt,
      customerId: orders.customerId,
      customerName: customers.displayName,
    })
    .from(orders)
    .leftJoin(customers, and(eq(customers.workspaceId, orders.workspaceId), eq(customers.id, orders.customerId)))
    .where(and(eq(orders.workspaceId, scope.workspaceId), gte(orders.number, number), lt(orders.number, number + LAST)))
    .orderBy(asc(orders.number), asc(orders.id))
    .limit(limit);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * Open tasks whose title contains every word, soonest due first. Titles have no word index, so
 * this walks the open tasks in due order and stops at `limit` matches; a workspace keeps few open.
 */
export function openTasksTitledQuery(scope: WorkspaceScope, q: string, limit: number) {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  return scope.db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      status: tasks.status,
      customerId: tasks.customerId,
      customerName: customers.displayName,
    })
    .from(tasks)
    .leftJoin(customers, and(eq(customers.workspaceId, tasks.workspaceId), eq(customers.id, tasks.customerId)))
    .where(
      and(
        eq(tasks.workspaceId, scope.workspaceId),
        eq(tasks.status, "open"),
        ...words.map((word) => sql`${tasks.title} like ${`%${escapeLike(word)}%`} escape '\\'`),
      ),
    )
    .orderBy(asc(tasks.dueKey), asc(tasks.id))
    .limit(limit);
}
