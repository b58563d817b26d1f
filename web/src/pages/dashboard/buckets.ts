// Groups the API's local days into the workspace's weeks (from the day its settings name, Saturday
// by default) and Jalali months, the same for every reader: a figure never changes with the UI
// language, only its label does. Days are calendar dates already (the workspace's time zone), so
// everything here is computed in UTC.
import { addDays } from "../../../../worker/core/stats/local-day";
import type { Language } from "../../i18n/i18n";
import type { WeekStart } from "../../session/session";

export interface Bucket {
  /** The first day of the week or month that has data (YYYY-MM-DD). */
  start: string;
  value: number;
}

/** Date#getUTCDay numbering of the workspace's first day of the week. */
export const weekStartDay = (weekStart: WeekStart) => ({ saturday: 6, sunday: 0, monday: 1 })[weekStart];

const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

function group(days: ReadonlyArray<{ day: string; value: number }>, keyOf: (day: string) => string): Bucket[] {
  const buckets: Array<Bucket & { key: string }> = [];
  for (const { day, value } of days) {
    const key = keyOf(day);
    const last = buckets.at(-1);
    if (last && last.key === key) last.value += value;
    else buckets.push({ key, start: day, value });
  }
  return buckets.map(({ start, value }) => ({ start, value }));
}

/** Sums by week; the first bucket is the week's start day even if the data begins later. */
export function byWeek(days: ReadonlyArray<{ day: string; value: number }>, weekStartsOn: number): Bucket[] {
  const startOfWeek = (day: string) => addDays(day, -((noonOf(day).getUTCDay() - weekStartsOn + 7) % 7));
  return group(days, startOfWeek).map((bucket) => ({ ...bucket, start: startOfWeek(bucket.start) }));
}

const jalaliMonth = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", { timeZone: "UTC", year: "numeric", month: "numeric" });

/** Sums by Jalali month (the calendar Iranian shops keep their books in), in either language. */
export function byMonth(days: ReadonlyArray<{ day: string; value: number }>): Bucket[] {
  return group(days, (day) => jalaliMonth.format(noonOf(day)));
}

/** Short labels for chart axes in the Jalali calendar: "۱۲ آبان" / "12 Aban" for a week, "آبان" / "Aban" for a month. */
export function bucketLabels(language: Language) {
  const locale = language === "fa" ? "fa-IR-u-ca-persian" : "en-GB-u-ca-persian";
  const dayMonth = new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "short" });
  const month = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short" });
  return {
    week: (start: string) => dayMonth.format(noonOf(start)),
    month: (start: string) => month.format(noonOf(start)),
  };
}
