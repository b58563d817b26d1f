// Shopify (REST Admin API resource payloads, as its webhooks deliver them):
//   orders/create, orders/paid, orders/updated → the order, upserted
//   refunds/create                             → the known order's refunded total, each refund once
//   customers/create, customers/update         → the customer, found or created
// Status: financial_status refunded → refunded; otherwise a cancelled order (cancelled_at) →
// cancelled; paid, partially_refunded → paid (with the refunded total); pending, authorized,
// partially_paid, unpaid → pending; voided → cancelled.
import { z } from "@hono/zod-openapi";
import type { OrderStatus } from "../../orders/orders.schema";
import { currencyOf, firstText, MappingError, minor, Money, namePart, parsePayload, shopTime, ShopId, type Mapped } from "./mapped";
import { shopifyAdminUrl, shopifyShipment, ShopifyShippingFields } from "./shipment";

export const SHOPIFY_FINANCIAL_STATUSES: Record<string, OrderStatus> = {
  pending: "pending",
  authorized: "pending",
  partially_paid: "pending",
  unpaid: "pending",
  paid: "paid",
  partially_refunded: "paid",
  refunded: "refunded",
  voided: "cancelled",
};

const Transaction = z.object({ id: ShopId.nullish(), kind: z.string(), status: z.string().nullish(), amount: Money });
const Refund = z.object({
  id: ShopId,
  order_id: ShopId,
  created_at: z.string().nullish(),
  processed_at: z.string().nullish(),
  transactions: z.array(Transaction).default([]),
});

const Address = z.object({ first_name: z.string().nullish(), last_name: z.string().nullish(), phone: z.string().nullish(), zip: z.string().nullish() }).partial();
const Customer = z.object({
  id: ShopId,
  email: z.string().nullish(),
  phone: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  default_address: Address.nullish(),
});

const ShopifyOrder = z.object({
  id: ShopId,
  name: z.string().nullish(),
  order_number: z.union([z.number(), z.string()]).nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  created_at: z.string(),
  processed_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  currency: z.string().min(1),
  financial_status: z.string().nullish(),
  total_price: Money,
  subtotal_price: Money.nullish(),
  total_tax: Money.nullish(),
  total_discounts: Money.nullish(),
  total_shipping_price_set: z.object({ shop_money: z.object({ amount: Money }) }).nullish(),
  note: z.string().nullish(),
  customer: Customer.partial().extend({ id: ShopId.nullish() }).nullish(),
  billing_address: Address.nullish(),
  line_items: z.array(z.object({ title: z.string().nullish(), name: z.string().nullish(), sku: z.string().nullish(), quantity: z.number().int(), price: Money })).default([]),
  refunds: z.array(Refund.partial({ order_id: true })).default([]),
  ...ShopifyShippingFields,
});

/** Successful refund transactions of one refund, as amounts in the order's currency. */
export const refundAmounts = (transactions: Array<z.infer<typeof Transaction>>) =>
  transactions.filter((t) => t.kind === "refund" && (t.status ?? "success") === "success").map((t) => t.amount);

const externalId = (connectionId: string, id: string | null | undefined) => (id ? `shopify:${connectionId}:${id}` : null);

function orderStatus(order: z.infer<typeof ShopifyOrder>): OrderStatus {
  const financial = order.financial_status ?? "pending";
  if (financial === "refunded") return "refunded";
  if (order.cancelled_at) return "cancelled";
  return SHOPIFY_FINANCIAL_STATUSES[financial] ?? "pending";
}

export function mapShopify(topic: string | null, payload: unknown, connectionId: string): Mapped {
  switch (topic) {
    case "orders/create":
    case "orders/paid":
    case "orders/updated":
      return mapOrder(parsePayload(ShopifyOrder, payload), connectionId);
    case "refunds/create": {
      const refund = parsePayload(Refund, payload);
      const at = shopTime(refund.processed_at ?? refund.created_at, "processed_at") ?? Date.now();
      return { kind: "refund", orderExternalId: refund.order_id, refundId: refund.id, amounts: refundAmounts(refund.transactions), at };
    }
    case "customers/create":
    case "customers/update": {
      const customer = parsePayload(Customer, payload);
      return {
        kind: "customer",
        customer: {
          externalId: externalId(connectionId, customer.id),
          email: firstText(customer.email),
          mobile: firstText(customer.phone, customer.default_address?.phone),
          firstName: namePart(firstText(customer.first_name, customer.default_address?.first_name)),
          lastName: namePart(firstText(customer.last_name, customer.default_address?.last_name)),
          postalCode: firstText(customer.default_address?.zip),
        },
      };
    }
    default:
      throw new MappingError(`topic: ${topic ?? "(none)"} is not one the CRM reads`);
  }
}

function mapOrder(order: z.infer<typeof ShopifyOrder>, connectionId: string): Mapped {
  const currency = currencyOf(order.currency);
  const placedAt = shopTime(order.created_at, "created_at")!;
  const status = orderStatus(order);
  const refundedTotal = order.refunds.reduce(
    (sum, refund, r) => sum + refundAmounts(refund.transactions).reduce<number>((s, amount, t) => s + minor(amount, currency, `refunds.${r}.transactions.${t}.amount`), 0),
    0,
  );
  const billing = order.billing_address ?? {};
  return {
    kind: "order",
    customer: {
      externalId: externalId(connectionId, order.customer?.id ?? null),
      mobile: firstText(order.customer?.phone, billing.phone, order.phone),
      email: firstText(order.customer?.email, order.email),
      firstName: namePart(firstText(order.customer?.first_name, billing.first_name)),
      lastName: namePart(firstText(order.customer?.last_name, billing.last_name)),
      postalCode: firstText(billing.zip, order.customer?.default_address?.zip),
    },
    order: {
      externalId: order.id,
      number: order.name?.trim() || (order.order_number != null ? String(order.order_number) : order.id),
      status,
      currency: currency.code,
      total: minor(order.total_price, currency, "total_price"),
      subtotal: minor(order.subtotal_price, currency, "subtotal_price"),
      discount: minor(order.total_discounts, currency, "total_discounts"),
      shipping: minor(order.total_shipping_price_set?.shop_money.amount, currency, "total_shipping_price_set.shop_money.amount"),
      tax: minor(order.total_tax, currency, "total_tax"),
      refundedTotal,
      note: order.note?.trim() ? order.note.trim().slice(0, 1000) : null,
      items: order.line_items.filter((line) => line.quantity > 0).map((line, i) => ({
        sku: line.sku || null,
        name: (line.name ?? line.title ?? "").trim().slice(0, 300) || "-",
        quantity: line.quantity,
        unitPrice: minor(line.price, currency, `line_items.${i}.price`),
      })),
      shipment: shopifyShipment(order),
      shopUrl: shopifyAdminUrl(order.id, order.order_status_url),
      placedAt,
      paidAt: status === "paid" || status === "refunded" ? shopTime(order.processed_at, "processed_at") ?? placedAt : null,
      externalUpdatedAt: shopTime(order.updated_at, "updated_at"),
    },
  };
}
