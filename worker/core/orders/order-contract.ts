// What every way of bringing in an order (the API, shop webhooks, CSV import) hands to
// `recordOrder`, and what it gets back. One function writes orders, so the customer's figures,
// lifecycle stage, rollups and events are kept current the same way whatever the source.
import type { OrderSource, OrderStatus } from "./orders.schema";

export interface OrderLineInput {
  sku?: string | null;
  name: string;
  quantity: number;
  /** Minor units of the order's currency. */
  unitPrice: number;
}

/** Where an order ships, as the shop sent it; every part optional. */
export interface ShippingAddress {
  name?: string | null;
  phone?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  province?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

/** What the shop says about sending the order: the address, and the tracking code once it is sent. */
export interface OrderShipment {
  address?: ShippingAddress | null;
  trackingCode?: string | null;
  trackingUrl?: string | null;
  carrier?: string | null;
}

export interface OrderInput {
  /** Update this stored order (the API's PATCH); otherwise an order is found by (connection, externalId), or created. */
  orderId?: string;
  customerId: string;
  source: OrderSource;
  connectionId?: string | null;
  /** The shop's order id: with connectionId it makes the order unique, so a redelivery updates, never duplicates. */
  externalId?: string | null;
  number?: string | null;
  status: OrderStatus;
  currency: string;
  total: number;
  subtotal?: number;
  discount?: number;
  shipping?: number;
  tax?: number;
  /** For a partly refunded paid order. */
  refundedTotal?: number;
  channel?: string | null;
  note?: string | null;
  items?: OrderLineInput[];
  /** From a shop: kept as sent; an update without it keeps what is stored. */
  shipment?: OrderShipment;
  /** The order's page in the shop's admin. */
  shopUrl?: string | null;
  placedAt: number;
  paidAt?: number | null;
  /** The shop's modification time: an update older than what is stored changes nothing. */
  externalUpdatedAt?: number | null;
  /** A user id, "shop" or "import". */
  by: string | null;
}

export interface RecordedOrder {
  orderId: string;
  /** created: new order; updated: moved forward; unchanged: same state or an older update. */
  outcome: "created" | "updated" | "unchanged";
}
