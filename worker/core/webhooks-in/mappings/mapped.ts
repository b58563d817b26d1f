// What a platform's payload becomes: an order (with the facts that identify its customer), a
// customer, a deletion or a refund of a known order, or nothing the CRM keeps. A payload that
// cannot be read throws a MappingError whose message is the reason shown on the delivery.
import { z } from "@hono/zod-openapi";
import type { OrderInput } from "../../orders/order-contract";
import { namesImpossibleDay } from "../../calendar/calendar-day";
import { shopCurrency, toMinorUnits, type ShopCurrency } from "../money";

export interface CustomerFacts {
  /** As the shop sent them; normalized when resolved (any Iranian mobile form, Persian digits). */
  mobile?: string | null;
  email?: string | null;
  /** The shop's customer id as an external identifier: "woo:<connectionId>:<id>". */
  externalId?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  /** The billing postal code as the shop sent it; kept only when it is an Iranian one (10 digits). */
  postalCode?: string | null;
}

export type ShopOrder = Omit<OrderInput, "customerId" | "source" | "connectionId" | "by">;

export type Mapped =
  | { kind: "order"; customer: CustomerFacts; order: ShopOrder }
  | { kind: "customer"; customer: CustomerFacts }
  | { kind: "order-deleted"; externalId: string }
  | { kind: "refund"; orderExternalId: string; refundId: string; amounts: Array<string | number>; at: number }
  | { kind: "ignored"; reason: string };

export class MappingError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "MappingError";
  }
}

/** "billing.phone: Expected string, received number; total: Required" */
export function issuesReason(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(body)"}: ${issue.message}`)
    .join("; ")
    .slice(0, 1000);
}

export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const result = schema.safeParse(payload);
  if (!result.success) throw new MappingError(issuesReason(result.error));
  return result.data;
}

/** A shop id: a positive integer (JSON number or digits) or an opaque string. */
export const ShopId = z.union([z.number().int().nonnegative(), z.string().trim().min(1).max(100)]).transform(String);
export const Money = z.union([z.string().max(40), z.number()]);
const optionalText = z.string().nullish();
export const PersonFields = { first_name: optionalText, last_name: optionalText, email: optionalText, phone: optionalText, postcode: optionalText };

/** A time the shop sent: ISO 8601; WooCommerce's *_gmt fields come without an offset and are UTC. */
export function shopTime(value: string | null | undefined, field: string): number | null {
  if (value == null || value === "") return null;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const ms = namesImpossibleDay(value) ? Number.NaN : Date.parse(withZone);
  if (Number.isNaN(ms)) throw new MappingError(`${field}: not a date (${value.slice(0, 40)})`);
  return ms;
}

export function currencyOf(raw: string, field = "currency"): ShopCurrency {
  const currency = shopCurrency(raw);
  if (!currency) throw new MappingError(`${field}: unsupported currency ${raw.slice(0, 10)} (use IRT, IRR, IRHT, IRHR or an ISO 4217 code)`);
  return currency;
}

export function minor(amount: string | number | null | undefined, currency: ShopCurrency, field: string): number {
  if (amount == null || amount === "") return 0;
  const value = toMinorUnits(amount, currency);
  if (value === null) throw new MappingError(`${field}: not an amount (${String(amount).slice(0, 40)})`);
  return value;
}

/** A name part the profile accepts: trimmed, at most 80 characters, or nothing. */
export const namePart = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 80) : null;
};

export const firstText = (...values: Array<string | null | undefined>): string | null => values.find((v) => typeof v === "string" && v.trim() !== "")?.trim() ?? null;
