// The period a stats request covers: local days in the workspace's time zone, checked once for
// every stats route (the end not before the start, at most MAX_PERIOD_DAYS days).
import { invalidField } from "../http/problem";
import { addDays, daysBetween, localDay } from "./local-day";
import type { Period } from "./overview";

export const MAX_PERIOD_DAYS = 366;

/** `to` defaults to today, `from` to 29 days before `to` (thirty days in all). */
export function resolvePeriod(query: { from?: string | undefined; to?: string | undefined }, at: number, timeZone: string): Period {
  const to = query.to ?? localDay(at, timeZone);
  const from = query.from ?? addDays(to, -29);
  if (from > to) throw invalidField("query.from", "invalid_range");
  if (daysBetween(from, to) >= MAX_PERIOD_DAYS) throw invalidField("query.from", "period_too_long", { days: MAX_PERIOD_DAYS });
  return { from, to };
}
