// The generic shop webhook: a JSON body signed per Standard Webhooks, of one of two types.
//   { "type": "order.upserted",    "data": GenericOrder }
//   { "type": "customer.upserted", "data": GenericCustomer }
// Amounts are in the currency's major unit, as decimal strings or numbers ("1250000", "12.50");
// times are ISO 8601. The same order id (data.id) always means the same order: a later
// `updatedAt` moves it forward, the same or an older one changes nothing.
import { z } from "@hono/zod-openapi";
import { namesImpossibleDay } from "../../calendar/calendar-day";
import { ORDER_STATUSES } from "../../orders/orders.schema";
import { currencyOf, minor, Money, namePart, parsePayload, shopTime, ShopId, type Mapped } from "./mapped";

const text = (max: number) => z.string().trim().min(1).max(max);
const isoTime = z.string().refine((value) => !namesImpossibleDay(value) && !Number.isNaN(Date.parse(value)), { message: "Expected an ISO 8601 time on a real day" });

export const GenericCustomer = z
  .object({
    id: ShopId.optional().describe("The source's own customer id; becomes the identifier generic:<connectionId>:<id>."),
    mobile: text(40).optional().describe("Any Iranian form, Persian digits allowed."),
    email: text(254).optional(),
    firstName: text(80).optional(),
    lastName: text(80).optional(),
  })
  .strict()
  .refine((c) => c.id !== undefined || c.mobile !== undefined || c.email !== undefined, { message: "Give at least one of id, mobile, email" });

export const GenericOrder = z
  .object({
    id: ShopId.describe("The source's order id: unique per connection."),
    number: text(60).optional(),
    status: z.enum(ORDER_STATUSES),
    currency: text(10).describe("IRT, IRR, IRHT, IRHR or an ISO 4217 code."),
    total: Money,
    subtotal: Money.optional(),
    discount: Money.optional(),
    shipping: Money.optional(),
    tax: Money.optional(),
    refundedTotal: Money.optional(),
    placedAt: isoTime,
    paidAt: isoTime.optional(),
    updatedAt: isoTime.optional(),
    note: z.string().max(1000).optional(),
    items: z
      .array(z.object({ sku: z.string().max(100).optional(), name: text(300), quantity: z.number().int().positive(), unitPrice: Money }).strict())
      .max(500)
      .optional(),
    customer: GenericCustomer,
  })
  .strict();

export const GenericPayload = z.discriminatedUnion("type", [
  z.object({ type: z.literal("order.upserted"), timestamp: z.string().optional(), data: GenericOrder }),
  z.object({ type: z.literal("customer.upserted"), timestamp: z.string().optional(), data: GenericCustomer }),
]);

const customerFacts = (connectionId: string, c: z.infer<typeof GenericCustomer>) => ({
  externalId: c.id !== undefined ? `generic:${connectionId}:${c.id}` : null,
  mobile: c.mobile ?? null,
  email: c.email ?? null,
  firstName: namePart(c.firstName),
  lastName: namePart(c.lastName),
});

export function mapGeneric(payload: unknown, connectionId: string): Mapped {
  const body = parsePayload(GenericPayload, payload);
  if (body.type === "customer.upserted") return { kind: "customer", customer: customerFacts(connectionId, body.data) };
  const order = body.data;
  const currency = currencyOf(order.currency, "data.currency");
  const money = (value: string | number | undefined, field: string) => minor(value, currency, `data.${field}`);
  return {
    kind: "order",
    customer: customerFacts(connectionId, order.customer),
    order: {
      externalId: order.id,
      number: order.number ?? order.id,
      status: order.status,
      currency: currency.code,
      total: money(order.total, "total"),
      subtotal: money(order.subtotal, "subtotal"),
      discount: money(order.discount, "discount"),
      shipping: money(order.shipping, "shipping"),
      tax: money(order.tax, "tax"),
      refundedTotal: money(order.refundedTotal, "refundedTotal"),
      note: order.note ?? null,
      items: order.items?.map((item, i) => ({ sku: item.sku ?? null, name: item.name, quantity: item.quantity, unitPrice: money(item.unitPrice, `items.${i}.unitPrice`) })),
      placedAt: shopTime(order.placedAt, "data.placedAt")!,
      paidAt: shopTime(order.paidAt, "data.paidAt"),
      externalUpdatedAt: shopTime(order.updatedAt, "data.updatedAt"),
    },
  };
}
