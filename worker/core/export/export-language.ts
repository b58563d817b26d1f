// How a customers export reads for a person rather than a machine: headers and coded values
// (stage, consent, gender, kind) in the reader's language, and dates as the reader's
// calendar shows them: Jalali in Persian, Gregorian in English, each as the local day of the
// workspace's time zone. Without a language the export stays the machine's: column keys, codes
// and ISO 8601 times, which the import reads back.
//
// Jalali days are written with Latin digits (1403/09/16), not Persian ones (۱۴۰۳/۰۹/۱۶): Excel and
// LibreOffice sort and filter Latin digits as text that keeps date order (zero-padded, year first),
// while Persian digits sort in an order neither program documents and cannot be turned into numbers
// by a formula. Persian headers and words already tell the reader which calendar this is.
import { toIso } from "../data/clock";
import { CUSTOMER_VOCABULARY } from "../i18n/customer-vocabulary";
import { gregorianToJalali } from "../import/dates";
import { localDay } from "../stats/local-day";

export const EXPORT_LANGUAGES = ["fa", "en"] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** Dates in the reader's calendar (`local`) or ISO 8601 for machines (`iso`). */
export const EXPORT_DATES = ["local", "iso"] as const;
export type ExportDates = (typeof EXPORT_DATES)[number];

/** What a column's reader may ask of the file's language when it writes a cell. */
export interface CellShape {
  /** An instant (epoch ms) as the reader's day, or ISO 8601. */
  time(at: number | null): string | null;
  /** A calendar day (YYYY-MM-DD, a birthday) in the reader's calendar, or as it is. */
  day(isoDay: string | null): string | null;
  /** A coded value (`at_risk`) in the reader's words, or the code itself. */
  word(group: WordGroup, code: string | null): string | null;
}

/** The coded values a cell may put in words (the vocabulary the web UI shows too). */
export type WordGroup = "kind" | "gender" | "consent" | "stage";

/** Headers by column key; a column without one here is headed by its key. */
const HEADERS: Record<string, readonly [fa: string, en: string]> = {
  code: ["کد مشتری", "Customer code"],
  cid: ["شناسه", "CID"],
  kind: ["نوع", "Kind"],
  first_name: ["نام", "First name"],
  last_name: ["نام خانوادگی", "Last name"],
  organization_name: ["نام سازمان", "Organization"],
  display_name: ["نام نمایشی", "Display name"],
  mobile: ["موبایل", "Mobile"],
  email: ["ایمیل", "E-mail"],
  national_code: ["کد ملی", "National code"],
  username: ["نام کاربری", "Username"],
  other_identifiers: ["شناسه‌های دیگر", "Other identifiers"],
  gender: ["جنسیت", "Gender"],
  birthday: ["تاریخ تولد", "Birthday"],
  province: ["استان", "Province"],
  city: ["شهر", "City"],
  postal_code: ["کد پستی", "Postal code"],
  address: ["نشانی", "Address"],
  tags: ["برچسب‌ها", "Tags"],
  consent_sms: ["رضایت پیامک", "SMS consent"],
  consent_sms_at: ["تاریخ رضایت پیامک", "SMS consent date"],
  consent_email: ["رضایت ایمیل", "E-mail consent"],
  consent_email_at: ["تاریخ رضایت ایمیل", "E-mail consent date"],
  owner: ["مسئول", "Owner"],
  first_order_at: ["اولین سفارش", "First order"],
  last_order_at: ["آخرین سفارش", "Last order"],
  order_count: ["تعداد سفارش", "Orders"],
  total_spent: ["مجموع خرید", "Total spent"],
  average_order_value: ["میانگین سفارش", "Average order"],
  lifecycle_stage: ["مرحله", "Stage"],
  rfm_segment: ["بخش RFM", "RFM segment"],
  created_at: ["تاریخ ثبت", "Created"],
};

export interface ExportReader {
  /** Absent: the machine's file (keys, codes, ISO). */
  lang?: ExportLanguage | undefined;
  dates?: ExportDates | undefined;
  timeZone: string;
}

const languageIndex = (lang: ExportLanguage) => (lang === "fa" ? 0 : 1);

export function columnHeader(key: string, reader: ExportReader): string {
  return reader.lang ? (HEADERS[key]?.[languageIndex(reader.lang)] ?? key) : key;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** A YYYY-MM-DD day as the reader's calendar writes it: 1403/09/16 in Persian, as it is in English. */
function readersDay(isoDay: string, lang: ExportLanguage): string {
  if (lang === "en") return isoDay;
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  const [jy, jm, jd] = gregorianToJalali(year, month, day);
  return `${jy}/${pad(jm)}/${pad(jd)}`;
}

export function cellShape(reader: ExportReader): CellShape {
  const { lang } = reader;
  const local = lang !== undefined && reader.dates !== "iso";
  return {
    time: (at) => (at === null ? null : local ? readersDay(localDay(at, reader.timeZone), lang) : toIso(at)),
    day: (isoDay) => (isoDay === null || !local || !/^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? isoDay : readersDay(isoDay, lang)),
    word: (group, code) => {
      if (code === null || !lang) return code;
      const words: Readonly<Record<string, string>> = CUSTOMER_VOCABULARY[lang];
      // A kind's words are keyed by the kind itself (`person`), the others by group and code (`stage_new`).
      return words[group === "kind" ? code : `${group}_${code}`] ?? code;
    },
  };
}
