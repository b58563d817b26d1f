// Orders as the API shows them: times as ISO 8601.
import { toIso } from "../data/clock";
import type { OrderDetailView, OrderView } from "./order.schemas";
import type { OrderItemRow, OrderRow, OrderStatusRow } from "./orders.repository";

export function presentOrder(row: OrderRow): OrderView {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    source: row.source,
    connectionId: row.connectionId,
    externalId: row.externalId,
    status: row.status,
    currency: row.currency,
    subtotal: row.subtotal,
    discount: row.discount,
    shipping: row.shipping,
    tax: row.tax,
    total: row.total,
    refundedTotal: row.refundedTotal,
    channel: row.channel,
    note: row.note,
    placedAt: toIso(row.placedAt)!,
    paidAt: toIso(row.paidAt),
    refundedAt: toIso(row.refundedAt),
    cancelledAt: toIso(row.cancelledAt),
    createdBy: row.createdBy,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}

export function presentOrderDetail(row: OrderRow, items: OrderItemRow[], history: OrderStatusRow[]): OrderDetailView {
  return {
    ...presentOrder(row),
    items: items.map((item) => ({ id: item.id, sku: item.sku, name: item.name, quantity: item.quantity, unitPrice: item.unitPrice, total: item.total })),
    statusHistory: history.map((entry) => ({ status: entry.status, at: toIso(entry.at)!, by: entry.by })),
  };
}
