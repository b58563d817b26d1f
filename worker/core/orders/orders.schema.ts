// Orders, their line items and status history, and the per-customer stage changes they cause.
// Money is integer minor units of the order's currency (IRR/IRT have none: 1 = one rial/toman).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt, workspaceId } from "../data/columns";
import { LIFECYCLE_STAGES } from "../customers/customers.schema";

export const ORDER_SOURCES = ["manual", "woocommerce", "shopify", "generic", "import"] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

/** pending: placed, not paid; paid (also partly refunded: see refunded_total); refunded: in full; cancelled. */
export const ORDER_STATUSES = ["pending", "paid", "refunded", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orders = sqliteTable(
  "orders",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    source: text("source", { enum: ORDER_SOURCES }).notNull(),
    // The shop connection and the shop's own order id; null for manual orders.
    connectionId: text("connection_id"),
    externalId: text("external_id"),
    // What staff call it: the shop's order number, or a sequential O-00012 for manual orders.
    number: text("number").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    currency: text("currency").notNull(),
    subtotal: integer("subtotal").notNull().default(0),
    discount: integer("discount").notNull().default(0),
    shipping: integer("shipping").notNull().default(0),
    tax: integer("tax").notNull().default(0),
    total: integer("total").notNull(),
    refundedTotal: integer("refunded_total").notNull().default(0),
    // What the order adds to the workspace's figures: total less refunds in the workspace's
    // currency when recorded (IRR/IRT converted exactly, orders/booked-amount.ts); null for an
    // order in another currency, which the workspace's revenue and customer totals leave out.
    bookedNet: integer("booked_net"),
    // Where a hand-entered sale happened: instagram, telegram, whatsapp, phone, store, ...
    channel: text("channel"),
    note: text("note"),
    placedAt: integer("placed_at").notNull(),
    paidAt: integer("paid_at"),
    refundedAt: integer("refunded_at"),
    cancelledAt: integer("cancelled_at"),
    // Where it ships, as the shop sent it (JSON of ShippingAddress; PII, shown masked without
    // customers.pii:read), the postal tracking code and carrier once it is sent, and the order's
    // page on the shop's own admin.
    shippingAddress: text("shipping_address"),
    trackingCode: text("tracking_code"),
    trackingUrl: text("tracking_url"),
    carrier: text("carrier"),
    shopUrl: text("shop_url"),
    // The shop's last-modified time, so an older update never overwrites a newer one.
    externalUpdatedAt: integer("external_updated_at"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_external_unique").on(t.workspaceId, t.connectionId, t.externalId).where(sql`${t.externalId} is not null`),
    index("orders_workspace_id_idx").on(t.workspaceId, t.id),
    index("orders_customer_time_idx").on(t.workspaceId, t.customerId, t.placedAt, t.id),
    index("orders_workspace_time_idx").on(t.workspaceId, t.placedAt, t.id),
    // The top-bar search finds an order by a prefix of its number.
    index("orders_workspace_number_idx").on(t.workspaceId, t.number, t.id),
    // The Orders page's filters by status and by shop, newest first from the cursor on.
    index("orders_status_time_idx").on(t.workspaceId, t.status, t.placedAt, t.id),
    index("orders_connection_time_idx").on(t.workspaceId, t.connectionId, t.placedAt, t.id),
  ],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    id: id(),
    workspaceId: workspaceId(),
    orderId: text("order_id").notNull(),
    sku: text("sku"),
    name: text("name").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
    total: integer("total").notNull(),
  },
  (t) => [index("order_items_order_idx").on(t.workspaceId, t.orderId)],
);

export const orderStatusHistory = sqliteTable(
  "order_status_history",
  {
    id: id(),
    workspaceId: workspaceId(),
    orderId: text("order_id").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    at: integer("at").notNull(),
    // Who moved it: a user id, "shop", "import".
    by: text("by"),
  },
  (t) => [index("order_status_history_order_idx").on(t.workspaceId, t.orderId, t.at)],
);

/** Every lifecycle stage change of a customer: the timeline shows them, KPIs count them. */
export const customerStageChanges = sqliteTable(
  "customer_stage_changes",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    fromStage: text("from_stage", { enum: LIFECYCLE_STAGES }).notNull(),
    toStage: text("to_stage", { enum: LIFECYCLE_STAGES }).notNull(),
    // "order" when an order moved it, "schedule" when time did.
    cause: text("cause").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    index("customer_stage_changes_customer_idx").on(t.workspaceId, t.customerId, t.at, t.id),
    index("customer_stage_changes_time_idx").on(t.workspaceId, t.at),
  ],
);
