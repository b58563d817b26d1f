// Orders as the API shows them: times as ISO 8601; the shipping address masked unless revealed.
import { toIso } from "../data/clock";
import type { OrderDetailView, OrderView } from "./order.schemas";
import type { OrderItemRow, OrderRow, OrderStatusRow, StageChangeRow } from "./orders.repository";
import type { ShippingAddress } from "./order-contract";
import { maskAddress } from "../customers/mask";

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
    trackingCode: row.trackingCode,
    trackingUrl: row.trackingUrl,
    carrier: row.carrier,
    shopUrl: row.shopUrl,
  };
}

type AddressView = NonNullable<OrderDetailView["shippingAddress"]>;

/** The stored address; name, phone, street and postal code masked unless PII is revealed. */
function presentAddress(stored: string | null, revealPii: boolean): AddressView | null {
  if (!stored) return null;
  const a = JSON.parse(stored) as ShippingAddress;
  const hide = (value: string | null | undefined) => (value ? (revealPii ? value : maskAddress(value)) : null);
  return {
    name: hide(a.name),
    phone: a.phone ? (revealPii ? a.phone : `${a.phone.slice(0, 4)}***${a.phone.slice(-2)}`) : null,
    line1: hide(a.line1),
    line2: hide(a.line2),
    city: a.city ?? null,
    province: a.province ?? null,
    postalCode: a.postalCode ? (revealPii ? a.postalCode : `${a.postalCode.slice(0, 3)}*******`) : null,
    country: a.country ?? null,
    masked: !revealPii,
  };
}

export interface OrderContext {
  customer: OrderDetailView["customer"];
  stageChanges: StageChangeRow[];
  revealPii: boolean;
}

export function presentOrderDetail(row: OrderRow, items: OrderItemRow[], history: OrderStatusRow[], context: OrderContext): OrderDetailView {
  return {
    ...presentOrder(row),
    shippingAddress: presentAddress(row.shippingAddress, context.revealPii),
    customer: context.customer,
    timeline: context.stageChanges.map((change) => ({ kind: "stage_change" as const, id: change.id, at: toIso(change.at)!, from: change.fromStage, to: change.toStage })),
    items: items.map((item) => ({ id: item.id, sku: item.sku, name: item.name, quantity: item.quantity, unitPrice: item.unitPrice, total: item.total })),
    statusHistory: history.map((entry) => ({ status: entry.status, at: toIso(entry.at)!, by: entry.by })),
  };
}
