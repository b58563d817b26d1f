// The order as the API takes it and gives it back. Money is integer minor units of the order's
// currency (IRR/IRT have none: 450000 is 450,000 toman).
import { z } from "@hono/zod-openapi";
import { pageQuery } from "../data/cursor";
import { isSupportedCurrency } from "../settings/currency";
import { TimeOrDay, TimeWithOffset } from "../calendar/calendar-day";
import { ORDER_SOURCES, ORDER_STATUSES } from "./orders.schema";

const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const isoTime = TimeWithOffset.openapi({ example: "2025-03-21T10:30:00+03:30" });
/** A time with offset, or a plain local date (the workspace's midnight that day). */
const timeOrDay = TimeOrDay;

const channel = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, { message: "invalid_channel" })
  .openapi({ description: "Where the sale happened: `instagram`, `telegram`, `whatsapp`, `phone`, `store`, …", example: "instagram" });

export const OrderLineInput = z
  .object({
    sku: z.string().trim().min(1).max(100).optional(),
    name: z.string().trim().min(1).max(200),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    unitPrice: amount,
  })
  .strict()
  .openapi("OrderLineInput");

export const OrderCreateInput = z
  .object({
    customerId: z.string().min(1).max(64).optional().openapi({ description: "The customer; or give `identifier` instead." }),
    identifier: z.string().trim().min(1).max(254).optional().openapi({
      description: "Any identifier of the customer in any written form (a mobile as ۰۹۱۲…, +98912…, 912…; an e-mail; a national code; C-00042). A customer not found is created with it and `name`.",
      example: "۰۹۱۲ ۱۲۳ ۴۵۶۷",
    }),
    name: z.string().trim().min(1).max(160).optional().openapi({ description: "The name of a customer created from `identifier`.", example: "سارا احمدی" }),
    items: z.array(OrderLineInput).min(1).max(200).optional(),
    total: amount.optional().openapi({ description: "Required without `items`; with them it defaults to their sum less discount plus shipping and tax." }),
    discount: amount.optional(),
    shipping: amount.optional(),
    tax: amount.optional(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isSupportedCurrency, { message: "invalid_currency" })
      .optional()
      .openapi({ description: "Defaults to the workspace's currency.", example: "IRT" }),
    status: z.enum(["pending", "paid"]).default("paid"),
    channel: channel.optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    placedAt: isoTime.optional().openapi({ description: "Defaults to now." }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.customerId === undefined) === (body.identifier === undefined)) {
      ctx.addIssue({ code: "custom", path: ["customerId"], message: "customer_required" });
    }
    if (body.items === undefined && body.total === undefined) ctx.addIssue({ code: "custom", path: ["total"], message: "total_required" });
  })
  .openapi("OrderCreate");
export type OrderCreate = z.infer<typeof OrderCreateInput>;

export const OrderUpdateInput = z
  .object({
    status: z.enum(["paid", "cancelled", "refunded"]).optional().openapi({
      description: "`paid` marks a pending order paid; `cancelled` cancels an order not refunded; `refunded` refunds what is left of it.",
    }),
    refundAmount: amount
      .min(1)
      .optional()
      .openapi({ description: "A partial refund, added to what was refunded before; the refunds never exceed the total (refunding all of it makes the order `refunded`)." }),
    channel: channel.nullable().optional(),
    note: z.string().trim().min(1).max(2000).nullable().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (Object.keys(body).length === 0) ctx.addIssue({ code: "custom", path: [], message: "nothing_to_change" });
    if (body.status !== undefined && body.refundAmount !== undefined) ctx.addIssue({ code: "custom", path: ["refundAmount"], message: "refund_or_status" });
  })
  .openapi("OrderUpdate");
export type OrderUpdate = z.infer<typeof OrderUpdateInput>;

export const OrderIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "ord_01jd…" }) });

export const OrderListQuery = z
  .object({
    ...pageQuery,
    customerId: z.string().min(1).max(64).optional(),
    status: z.enum(ORDER_STATUSES).optional(),
    source: z.enum(ORDER_SOURCES).optional().openapi({ description: "How the orders came in: a shop platform, by hand or by import." }),
    connectionId: z.string().min(1).max(64).optional().openapi({ description: "The shop connection the orders came from." }),
    minTotal: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().openapi({ description: "Total at least this, in minor units." }),
    maxTotal: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().openapi({ description: "Total at most this, in minor units." }),
    from: timeOrDay.optional().openapi({ description: "Placed at or after: a time, or a local date (from its start in the workspace's time zone)." }),
    to: timeOrDay.optional().openapi({ description: "Placed before: a time, or a local date (to its end, inclusive, in the workspace's time zone)." }),
  })
  .strict();

export const OrderSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: "O-00012" }),
    customerId: z.string(),
    source: z.enum(ORDER_SOURCES),
    connectionId: z.string().nullable(),
    externalId: z.string().nullable(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    subtotal: z.number().int(),
    discount: z.number().int(),
    shipping: z.number().int(),
    tax: z.number().int(),
    total: z.number().int(),
    refundedTotal: z.number().int(),
    channel: z.string().nullable(),
    note: z.string().nullable(),
    placedAt: z.string(),
    paidAt: z.string().nullable(),
    refundedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    trackingCode: z.string().nullable().openapi({ description: "The postal tracking code the shop sent (WooCommerce tracking meta, Shopify fulfilment)." }),
    trackingUrl: z.string().nullable(),
    carrier: z.string().nullable(),
    shopUrl: z.string().nullable().openapi({ description: "The order's page in the shop's admin." }),
  })
  .openapi("Order");
export type OrderView = z.infer<typeof OrderSchema>;

const OrderCustomer = z.object({ id: z.string(), code: z.string(), displayName: z.string() });

/** An order in the list, with who placed it (null once the customer is erased or merged away). */
export const OrderListItemSchema = OrderSchema.extend({ customer: OrderCustomer.nullable() }).openapi("OrderListItem");
export type OrderListItemView = z.infer<typeof OrderListItemSchema>;

export const OrderDetailSchema = OrderSchema.extend({
  items: z.array(z.object({ id: z.string(), sku: z.string().nullable(), name: z.string(), quantity: z.number().int(), unitPrice: z.number().int(), total: z.number().int() })),
  statusHistory: z.array(z.object({ status: z.enum(ORDER_STATUSES), at: z.string(), by: z.string().nullable() })),
  shippingAddress: z
    .object({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      line1: z.string().nullable(),
      line2: z.string().nullable(),
      city: z.string().nullable(),
      province: z.string().nullable(),
      postalCode: z.string().nullable(),
      country: z.string().nullable(),
      masked: z.boolean().openapi({ description: "Name, phone, street and postal code are masked unless the caller revealed PII (`?reveal=pii`, audited)." }),
    })
    .nullable(),
  customer: OrderCustomer.nullable(),
  timeline: z
    .array(z.object({ kind: z.literal("stage_change"), id: z.string(), at: z.string(), from: z.string(), to: z.string() }))
    .openapi({ description: "The customer's lifecycle stage changes this order caused (written with its status changes)." }),
}).openapi("OrderDetail");
export type OrderDetailView = z.infer<typeof OrderDetailSchema>;
