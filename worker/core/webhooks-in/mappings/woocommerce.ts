// WooCommerce (REST API v3 payloads, as its webhooks deliver them):
//   order.created / order.updated / order.restored  → the order, upserted
//   order.deleted ({ id } only)                      → the known order, cancelled
//   customer.created / customer.updated              → the customer, found or created
//   customer.deleted                                 → ignored (the CRM keeps its customer)
// Statuses: pending, on-hold → pending; processing, completed → paid; cancelled, failed →
// cancelled; refunded → refunded. A custom status is paid if the order has a paid date, else pending.
import { z } from "@hono/zod-openapi";
import type { OrderStatus } from "../../orders/orders.schema";
import {
  currencyOf,
  firstText,
  MappingError,
  minor,
  Money,
  namePart,
  parsePayload,
  PersonFields,
  shopTime,
  ShopId,
  type CustomerFacts,
  type Mapped,
} from "./mapped";
import { wooAdminUrl, wooShipment, WooShippingFields } from "./shipment";

export const WOO_STATUSES: Record<string, OrderStatus> = {
  pending: "pending",
  "on-hold": "pending",
  processing: "paid",
  completed: "paid",
  cancelled: "cancelled",
  failed: "cancelled",
  refunded: "refunded",
};

const Person = z.object(PersonFields).partial();

const WooOrder = z.object({
  id: ShopId,
  number: z.union([z.string(), z.number()]).nullish(),
  status: z.string().min(1),
  currency: z.string().min(1),
  date_created_gmt: z.string().nullish(),
  date_created: z.string().nullish(),
  date_modified_gmt: z.string().nullish(),
  date_paid_gmt: z.string().nullish(),
  discount_total: Money.nullish(),
  shipping_total: Money.nullish(),
  total_tax: Money.nullish(),
  total: Money,
  customer_id: z.number().int().nonnegative().nullish(),
  customer_note: z.string().nullish(),
  billing: Person.nullish(),
  line_items: z
    .array(
      z.object({
        name: z.string(),
        sku: z.string().nullish(),
        quantity: z.number().int(),
        price: Money.nullish(),
        subtotal: Money.nullish(),
      }),
    )
    .nullish(),
  refunds: z.array(z.object({ id: ShopId, total: Money })).nullish(),
  ...WooShippingFields,
});

const WooCustomer = z.object({
  id: ShopId,
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  billing: Person.nullish(),
});

const externalId = (connectionId: string, id: string | number | null | undefined) =>
  id !== null && id !== undefined && String(id) !== "0" ? `woo:${connectionId}:${id}` : null;

function orderStatus(status: string, paid: boolean): OrderStatus {
  return WOO_STATUSES[status.replace(/^wc-/, "")] ?? (paid ? "paid" : "pending");
}

export function mapWooCommerce(topic: string | null, payload: unknown, connectionId: string): Mapped {
  switch (topic) {
    case "order.created":
    case "order.updated":
    case "order.restored":
      return mapOrder(parsePayload(WooOrder, payload), connectionId);
    case "order.deleted":
      return { kind: "order-deleted", externalId: parsePayload(z.object({ id: ShopId }), payload).id };
    case "customer.created":
    case "customer.updated": {
      const customer = parsePayload(WooCustomer, payload);
      return {
        kind: "customer",
        customer: {
          externalId: externalId(connectionId, customer.id),
          email: firstText(customer.email, customer.billing?.email),
          mobile: firstText(customer.billing?.phone),
          firstName: namePart(firstText(customer.first_name, customer.billing?.first_name)),
          lastName: namePart(firstText(customer.last_name, customer.billing?.last_name)),
          postalCode: firstText(customer.billing?.postcode),
        },
      };
    }
    case "customer.deleted":
      return { kind: "ignored", reason: "customer.deleted: the CRM keeps its customer" };
    default:
      throw new MappingError(`topic: ${topic ?? "(none)"} is not one the CRM reads`);
  }
}

function mapOrder(order: z.infer<typeof WooOrder>, connectionId: string): Mapped {
  const currency = currencyOf(order.currency);
  const placedAt = shopTime(order.date_created_gmt ?? order.date_created, "date_created_gmt");
  if (placedAt === null) throw new MappingError("date_created_gmt: Required");
  const paidAt = shopTime(order.date_paid_gmt, "date_paid_gmt");
  // Lines with no quantity left (fully refunded or removed) are not part of what was bought.
  const items = (order.line_items ?? []).filter((line) => line.quantity > 0).map((line, i) => {
    const quantity = line.quantity;
    // `price` is the unit price (a JSON number); without it, the line subtotal over the quantity.
    const unitPrice =
      line.price != null ? minor(line.price, currency, `line_items.${i}.price`) : Math.round(minor(line.subtotal, currency, `line_items.${i}.subtotal`) / quantity);
    return { sku: line.sku || null, name: line.name.trim().slice(0, 300) || "-", quantity, unitPrice };
  });
  const subtotal = (order.line_items ?? []).reduce((sum, line, i) => sum + minor(line.subtotal, currency, `line_items.${i}.subtotal`), 0);
  const refundedTotal = (order.refunds ?? []).reduce((sum, refund, i) => sum + Math.abs(minor(refund.total, currency, `refunds.${i}.total`)), 0);
  const billing = order.billing ?? {};
  const customer: CustomerFacts = {
    externalId: externalId(connectionId, order.customer_id),
    mobile: firstText(billing.phone),
    email: firstText(billing.email),
    firstName: namePart(billing.first_name),
    lastName: namePart(billing.last_name),
    postalCode: firstText(billing.postcode),
  };
  return {
    kind: "order",
    customer,
    order: {
      externalId: order.id,
      number: order.number != null ? String(order.number) : order.id,
      status: orderStatus(order.status, paidAt !== null),
      currency: currency.code,
      total: minor(order.total, currency, "total"),
      subtotal,
      discount: minor(order.discount_total, currency, "discount_total"),
      shipping: minor(order.shipping_total, currency, "shipping_total"),
      tax: minor(order.total_tax, currency, "total_tax"),
      refundedTotal,
      note: order.customer_note?.trim() ? order.customer_note.trim().slice(0, 1000) : null,
      items,
      shipment: wooShipment(order),
      shopUrl: wooAdminUrl(order.id, order._links),
      placedAt,
      paidAt,
      externalUpdatedAt: shopTime(order.date_modified_gmt, "date_modified_gmt"),
    },
  };
}
