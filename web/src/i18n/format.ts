// Numbers, money and dates as the user reads them: Persian digits and the Jalali calendar in
// Persian, Gregorian in English; dates in the workspace's time zone; money in its currency.
import { useMemo } from "preact/hooks";
import { useSession } from "../session/session";
// The Worker's own table of minor units, so the UI and the API never disagree on an amount.
import { minorUnitExponent as currencyExponent } from "../../../worker/core/settings/currency";
import { moneyText } from "../../../worker/core/settings/money-text";
import { formatNumberIn, useLanguage, type Language } from "./i18n";

export { currencyExponent };

export interface Formatter {
  language: Language;
  number(value: number | null | undefined, options?: Intl.NumberFormatOptions): string;
  /** `minor` in the currency's minor units. */
  money(minor: number | null | undefined, currency?: string): string;
  percent(value: number | null | undefined): string;
  date(epochMs: number | string | null | undefined): string;
  dateTime(epochMs: number | string | null | undefined): string;
  /** "3 days ago" / "۳ روز پیش". */
  relative(epochMs: number | null | undefined): string;
  /** Digits of an identifier or code shown in the user's script. */
  digits(text: string | null | undefined): string;
}

/** The workspace's time zone if this browser knows it, else UTC (a date is never an exception). */
export function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

export function makeFormatter(language: Language, timeZone: string, currency: string): Formatter {
  const locale = language === "fa" ? "fa-IR-u-ca-persian" : "en-GB";
  const safeZone = knownTimeZone(timeZone);
  const dateFormat = new Intl.DateTimeFormat(locale, { timeZone: safeZone, year: "numeric", month: "short", day: "numeric" });
  // 24-hour in both languages: Persian readers of a shop's times expect ۱۴:۳۰, not ۲:۳۰ ب.ظ.
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { timeZone: safeZone, year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const relativeFormat = new Intl.RelativeTimeFormat(language === "fa" ? "fa-IR" : "en", { numeric: "auto" });
  const toDate = (value: number | string) => new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value);
  return {
    language,
    number: (value, options) => (value === null || value === undefined ? "—" : formatNumberIn(language, value, options)),
    money(minor, code = currency) {
      // One text for the UI and for plugins' messages (formatMoney in the plugin API).
      return minor === null || minor === undefined ? "—" : moneyText(language, minor, code);
    },
    percent: (value) => (value === null || value === undefined ? "—" : formatNumberIn(language, value / 100, { style: "percent", maximumFractionDigits: 1 })),
    date: (value) => (value === null || value === undefined || value === "" ? "—" : dateFormat.format(toDate(value))),
    dateTime: (value) => (value === null || value === undefined || value === "" ? "—" : dateTimeFormat.format(toDate(value))),
    relative(value) {
      if (value === null || value === undefined) return "—";
      const seconds = Math.round((value - Date.now()) / 1000);
      const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [["second", 60], ["minute", 60], ["hour", 24], ["day", 30], ["month", 12], ["year", Infinity]];
      let amount = seconds;
      for (const [unit, size] of steps) {
        if (Math.abs(amount) < size) return relativeFormat.format(amount, unit);
        amount = Math.round(amount / size);
      }
      return relativeFormat.format(amount, "year");
    },
    digits: (text) => (text ? (language === "fa" ? text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!) : text) : ""),
  };
}

/** The formatter for the signed-in user's language and workspace. */
export function useFormat(): Formatter {
  const { language } = useLanguage();
  const session = useSession();
  const timeZone = session.me?.workspace.timeZone ?? "Asia/Tehran";
  const currency = session.me?.workspace.currency ?? "IRT";
  return useMemo(() => makeFormatter(language, timeZone, currency), [language, timeZone, currency]);
}
