// Queries on orders, their items and status history. Every function takes the workspace scope first.
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { idsOfWorkspace, inList } from "../data/in-list";
import { customers, customerStageChanges, orderItems, orders, orderStatusHistory, workspaceCounters } from "../data/schema";
import type { OrderSource, OrderStatus } from "./orders.schema";

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderStatusRow = typeof orderStatusHistory.$inferSelect;
export type StageChangeRow = typeof customerStageChanges.$inferSelect;

export async function findOrder(scope: WorkspaceScope, orderId: string): Promise<OrderRow | null> {
  const row = await scope.db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, scope.workspaceId), eq(orders.id, orderId)))
    .get();
  return row ?? null;
}

/** The order a shop knows by (connection, its own id): one probe of orders_external_unique. */
export function externalOrderQuery(scope: WorkspaceScope, connectionId: string, externalId: string) {
  return scope.db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, scope.workspaceId), eq(orders.connectionId, connectionId), eq(orders.externalId, externalId), sql`${orders.externalId} is not null`));
}

export async function findExternalOrder(scope: WorkspaceScope, connectionId: string, externalId: string): Promise<OrderRow | null> {
  return (await externalOrderQuery(scope, connectionId, externalId).get()) ?? null;
}

export async function itemsOfOrder(scope: WorkspaceScope, orderId: string): Promise<OrderItemRow[]> {
  return scope.db
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.workspaceId, scope.workspaceId), eq(orderItems.orderId, orderId)))
    .orderBy(asc(orderItems.id));
}

export async function statusHistoryOf(scope: WorkspaceScope, orderId: string): Promise<OrderStatusRow[]> {
  return scope.db
    .select()
    .from(orderStatusHistory)
    .where(and(eq(orderStatusHistory.workspaceId, scope.workspaceId), eq(orderStatusHistory.orderId, orderId)))
    .orderBy(asc(orderStatusHistory.at), asc(orderStatusHistory.id));
}

export interface OrderFilters {
  customerId?: string;
  status?: OrderStatus;
  source?: OrderSource;
  connectionId?: string;
  minTotal?: number;
  maxTotal?: number;
  /** Placed at or after / before (epoch ms). */
  from?: number;
  to?: number;
}

/**
 * Newest placed first, keyset-paged over (placed_at, id): a customer's orders walk
 * orders_customer_time_idx, a status orders_status_time_idx, a shop orders_connection_time_idx,
 * the workspace's orders_workspace_time_idx, from the cursor on (amounts and source are checked
 * along the walk).
 * Fetches one extra row to know whether a next page exists.
 */
export function orderListQuery(scope: WorkspaceScope, filters: OrderFilters, page: { before: { at: number; id: string } | null; limit: number }) {
  const conditions: Array<SQL | undefined> = [
    eq(orders.workspaceId, scope.workspaceId),
    filters.customerId !== undefined ? eq(orders.customerId, filters.customerId) : undefined,
    filters.status !== undefined ? eq(orders.status, filters.status) : undefined,
    filters.source !== undefined ? eq(orders.source, filters.source) : undefined,
    filters.connectionId !== undefined ? eq(orders.connectionId, filters.connectionId) : undefined,
    filters.minTotal !== undefined ? gte(orders.total, filters.minTotal) : undefined,
    filters.maxTotal !== undefined ? lte(orders.total, filters.maxTotal) : undefined,
    filters.from !== undefined ? gte(orders.placedAt, filters.from) : undefined,
    filters.to !== undefined ? lt(orders.placedAt, filters.to) : undefined,
    page.before ? or(lt(orders.placedAt, page.before.at), and(eq(orders.placedAt, page.before.at), lt(orders.id, page.before.id))) : undefined,
  ];
  return scope.db
    .select()
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(page.limit + 1);
}

/** The next readable number of a hand-entered order (O-00001), bumped on its own like the customer code. */
export async function nextOrderNumber(scope: WorkspaceScope): Promise<string> {
  const [counter] = await scope.db
    .insert(workspaceCounters)
    .values({ workspaceId: scope.workspaceId, name: "order_number", value: 1 })
    .onConflictDoUpdate({ target: [workspaceCounters.workspaceId, workspaceCounters.name], set: { value: sql`${workspaceCounters.value} + 1` } })
    .returning({ value: workspaceCounters.value });
  return `O-${String(counter!.value).padStart(5, "0")}`;
}

export async function ordersByIds(scope: WorkspaceScope, ids: string[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  return scope.db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, scope.workspaceId), inList(orders.id, ids)));
}

export async function stageChangesByIds(scope: WorkspaceScope, ids: string[]): Promise<StageChangeRow[]> {
  if (ids.length === 0) return [];
  return scope.db
    .select()
    .from(customerStageChanges)
    .where(idsOfWorkspace(customerStageChanges.workspaceId, scope.workspaceId, customerStageChanges.id, ids));
}

const olderThan = (at: SQL | unknown, id: unknown, before: { at: number; id: string } | null) => (before ? sql` and (${at}, ${id}) < (${before.at}, ${before.id})` : sql``);

/** The timeline branch of orders: (kind, id, at) at the time placed, from orders_customer_time_idx alone. */
export function orderTimelineKeys(scope: WorkspaceScope, customerId: string, before: { at: number; id: string } | null): SQL {
  return sql`select 'order' as kind, ${orders.id} as id, ${orders.placedAt} as at from ${orders}
    where ${orders.workspaceId} = ${scope.workspaceId} and ${orders.customerId} = ${customerId}${olderThan(orders.placedAt, orders.id, before)}`;
}

/** The timeline branch of lifecycle stage changes, from customer_stage_changes_customer_idx alone. */
export function stageChangeTimelineKeys(scope: WorkspaceScope, customerId: string, before: { at: number; id: string } | null): SQL {
  const t = customerStageChanges;
  return sql`select 'stage_change' as kind, ${t.id} as id, ${t.at} as at from ${t}
    where ${t.workspaceId} = ${scope.workspaceId} and ${t.customerId} = ${customerId}${olderThan(t.at, t.id, before)}`;
}

/**
 * The stage changes an order caused: the customer's changes with cause "order" written at the
 * instants of the order's status changes (one batch writes both, with one time).
 */
export async function stageChangesOfOrder(scope: WorkspaceScope, customerId: string, instants: number[]): Promise<StageChangeRow[]> {
  if (instants.length === 0) return [];
  const t = customerStageChanges;
  return scope.db
    .select()
    .from(t)
    .where(and(eq(t.workspaceId, scope.workspaceId), eq(t.customerId, customerId), inArray(t.at, instants), eq(t.cause, "order")))
    .orderBy(asc(t.at), asc(t.id));
}

/** Who placed each order of a page, by primary key (live customers only). */
export async function customersOfOrders(scope: WorkspaceScope, customerIds: string[]): Promise<Map<string, { id: string; code: string; displayName: string }>> {
  if (customerIds.length === 0) return new Map();
  const rows = await scope.db
    .select({ id: customers.id, code: customers.code, displayName: customers.displayName })
    .from(customers)
    .where(and(idsOfWorkspace(customers.workspaceId, scope.workspaceId, customers.id, [...new Set(customerIds)]), isNull(customers.mergedInto)));
  return new Map(rows.map((row) => [row.id, { ...row, displayName: row.displayName || row.code }]));
}
