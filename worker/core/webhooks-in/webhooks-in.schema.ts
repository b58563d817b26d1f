// Incoming shop webhooks: every signed delivery as it arrived (raw body and the headers that
// matter), what became of it, and the shop refunds already counted (so a refund is counted once).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CONNECTION_PLATFORMS } from "../connections/connections.schema";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

/**
 * received: stored, not processed yet; processed: applied; duplicate: well-formed but changed
 * nothing (the same order state, or an older update, was already recorded); rejected: could not
 * be mapped (see reason), replayable.
 */
export const DELIVERY_STATUSES = ["received", "processed", "duplicate", "rejected"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    workspaceId: workspaceId(),
    connectionId: text("connection_id").notNull(),
    platform: text("platform", { enum: CONNECTION_PLATFORMS }).notNull(),
    topic: text("topic"),
    /** The shop's id of this delivery (X-WC-Webhook-Delivery-ID, X-Shopify-Webhook-Id, webhook-id). */
    deliveryId: text("delivery_id").notNull(),
    headers: json<Record<string, string>>("headers").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    reason: text("reason"),
    /** How many times the shop sent this delivery id again after the first. */
    redeliveries: integer("redeliveries").notNull().default(0),
    /** Processing attempts that failed for a reason other than the payload (retried by the sweep). */
    attempts: integer("attempts").notNull().default(0),
    receivedAt: integer("received_at").notNull(),
    processedAt: integer("processed_at"),
    /** The customer processing found or created; erasing that customer erases the body. */
    customerId: text("customer_id"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_delivery_unique").on(t.workspaceId, t.connectionId, t.deliveryId),
    index("webhook_deliveries_connection_idx").on(t.workspaceId, t.connectionId, t.id),
    index("webhook_deliveries_status_idx").on(t.workspaceId, t.connectionId, t.status, t.id),
    // The sweep: deliveries left `received`, and deliveries past retention.
    index("webhook_deliveries_stuck_idx").on(t.status, t.receivedAt).where(sql`${t.status} = 'received'`),
    index("webhook_deliveries_received_idx").on(t.receivedAt),
    // Erasure: a customer's deliveries, and those linked to nobody (checked for the person's identifiers).
    index("webhook_deliveries_customer_idx").on(t.workspaceId, t.customerId),
  ],
);

/** Refunds a shop reported one by one (Shopify refunds/create), each counted once per order. */
export const shopRefunds = sqliteTable(
  "shop_refunds",
  {
    id: id(),
    workspaceId: workspaceId(),
    connectionId: text("connection_id").notNull(),
    orderExternalId: text("order_external_id").notNull(),
    refundId: text("refund_id").notNull(),
    amount: integer("amount").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("shop_refunds_unique").on(t.workspaceId, t.connectionId, t.refundId),
    index("shop_refunds_order_idx").on(t.workspaceId, t.connectionId, t.orderExternalId),
  ],
);
