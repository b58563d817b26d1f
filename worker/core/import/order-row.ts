// One CSV row as an order: amounts in the currency's major units (1,250,000 toman; 12.50 USD)
// with Persian digits and thousands separators, statuses in English or Persian, dates Gregorian
// or Jalali in the workspace's time zone.
import { z } from "@hono/zod-openapi";
import { toAsciiDigits } from "../cid/digits";
import { isSupportedCurrency, minorUnitExponent } from "../settings/currency";
import type { OrderStatus } from "../orders/orders.schema";
import { dateProblem, parseDate, zonedTime } from "./dates";
import { cellOf, columnOf, type ResolvedMapping } from "./import-mapping";
import type { RowError } from "./import.schema";
import { rowError, zodRowErrors } from "./row-errors";

const STATUSES: Record<string, OrderStatus> = {
  paid: "paid", completed: "paid", complete: "paid", processing: "paid", "پرداخت شده": "paid", "پرداخت‌شده": "paid", "تکمیل شده": "paid", "تکمیل‌شده": "paid",
  pending: "pending", "on-hold": "pending", "در انتظار": "pending", "در انتظار پرداخت": "pending",
  refunded: "refunded", "مرجوع شده": "refunded", "مرجوعی": "refunded", "بازپرداخت": "refunded",
  cancelled: "cancelled", canceled: "cancelled", failed: "cancelled", "لغو شده": "cancelled", "لغو‌شده": "cancelled", "لغو": "cancelled",
};

const OrderRowSchema = z.object({
  customer: z.string().min(1).max(254),
  externalId: z.string().min(1).max(200),
  number: z.string().min(1).max(100).optional(),
  currency: z.string().toUpperCase().refine(isSupportedCurrency, { message: "invalid_currency" }),
  channel: z
    .string()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, { message: "invalid_channel" })
    .optional(),
  note: z.string().max(2000).optional(),
});

export interface OrderRow {
  customer: string;
  externalId: string;
  number: string | null;
  status: OrderStatus;
  currency: string;
  total: number;
  placedAt: number;
  paidAt: number | null;
  channel: string | null;
  note: string | null;
}

/** "1,250,000" or "۱٬۲۵۰٬۰۰۰" or "12.50" in minor units of the currency; null when it is not an amount. */
export function parseAmount(raw: string, currency: string): number | null {
  const text = toAsciiDigits(raw.normalize("NFKC")).replace(/[\s,\u066c'’_]/g, "").replace("\u066b", ".");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const exponent = minorUnitExponent(currency);
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > exponent) return null;
  const minor = Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

export type OrderRowResult = { ok: true; order: OrderRow } | { ok: false; errors: RowError[] };

export function orderFromRow(mapping: ResolvedMapping, cells: readonly string[], defaults: { currency: string; timeZone: string }): OrderRowResult {
  const cell = (field: string) => cellOf(mapping, cells, field);
  const errors: RowError[] = [];
  const fail = (field: string, code: string) => errors.push(rowError(field, columnOf(mapping, field), code));

  const parsed = OrderRowSchema.safeParse({
    customer: cell("customer") ?? "",
    externalId: cell("externalId") ?? "",
    number: cell("number"),
    currency: cell("currency") ?? defaults.currency,
    channel: cell("channel"),
    note: cell("note"),
  });
  if (!parsed.success) errors.push(...zodRowErrors(parsed.error, (path) => columnOf(mapping, path)));
  const currency = parsed.success ? parsed.data.currency : defaults.currency;

  const rawStatus = cell("status");
  const status = rawStatus === undefined ? "paid" : STATUSES[toAsciiDigits(rawStatus).trim().toLowerCase().replace(/\s+/g, " ")];
  if (!status) fail("status", "invalid_order_status");

  const rawTotal = cell("total");
  const total = rawTotal === undefined ? null : parseAmount(rawTotal, currency);
  if (total === null) fail("total", "invalid_amount");

  const time = (field: string, required: boolean) => {
    const raw = cell(field);
    if (raw === undefined) {
      if (required) fail(field, "invalid_date");
      return null;
    }
    const parts = parseDate(raw);
    if (!parts) {
      fail(field, dateProblem(raw));
      return null;
    }
    return zonedTime(parts, defaults.timeZone);
  };
  const placedAt = time("placedAt", true);
  const paidAt = time("paidAt", false);

  if (errors.length || !parsed.success) return { ok: false, errors };
  return {
    ok: true,
    order: {
      customer: parsed.data.customer,
      externalId: parsed.data.externalId,
      number: parsed.data.number ?? null,
      status: status!,
      currency,
      total: total!,
      placedAt: placedAt!,
      paidAt: status === "paid" || status === "refunded" ? (paidAt ?? placedAt) : paidAt,
      channel: parsed.data.channel ?? null,
      note: parsed.data.note ?? null,
    },
  };
}
