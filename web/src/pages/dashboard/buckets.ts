// Groups the API's local days into the weeks and months the reader counts in: in Persian, weeks
// from Saturday and Jalali months; in English, weeks from Monday and Gregorian months. Days are
// calendar dates already (the workspace's time zone), so everything here is computed in UTC.
import { addDays } from "../../../../worker/core/stats/local-day";
import type { Language } from "../../i18n/i18n";

export interface Bucket {
  /** The first day of the week or month that has data (YYYY-MM-DD). */
  start: string;
  value: number;
}

/** 6 is Saturday, 1 is Monday (Date#getUTCDay numbering). */
export const weekStartOf = (language: Language) => (language === "fa" ? 6 : 1);

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

/** Sums by calendar month: Jalali in Persian, Gregorian in English. */
export function byMonth(days: ReadonlyArray<{ day: string; value: number }>, language: Language): Bucket[] {
  const keyOf = language === "fa" ? (day: string) => jalaliMonth.format(noonOf(day)) : (day: string) => day.slice(0, 7);
  return group(days, keyOf);
}

/** Short labels for chart axes: "۱۲ آبان" / "3 Nov" for a week, "آبان" / "Nov" for a month. */
export function bucketLabels(language: Language) {
  const locale = language === "fa" ? "fa-IR-u-ca-persian" : "en-GB";
  const dayMonth = new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "short" });
  const month = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short" });
  return {
    week: (start: string) => dayMonth.format(noonOf(start)),
    month: (start: string) => month.format(noonOf(start)),
  };
}
