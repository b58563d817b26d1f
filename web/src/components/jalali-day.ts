// A calendar day typed in the Jalali calendar (day, month, year as three parts, in Persian,
// Arabic-Indic or ASCII digits) read into the ISO Gregorian day ("1991-10-07") that the API
// stores, and back. Pure, so the date field's rules can be checked without a browser.
// The arithmetic is jalaali-js's (the 33-year-cycle algorithm, exact for these centuries).
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from "jalaali-js";

/** The Jalali months, Farvardin first; month n is JALALI_MONTHS[n - 1]. */
export const JALALI_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"] as const;

/** Years this field takes: four digits, and below 1700, which is a Gregorian year typed by habit. */
const FIRST_YEAR = 1000;
const FIRST_GREGORIAN_LOOKING_YEAR = 1700;

/** The three parts as the person typed them; month is "1"…"12" or "" (the select's value). */
export interface JalaliParts {
  day: string;
  month: string;
  year: string;
}

export const NO_PARTS: JalaliParts = { day: "", month: "", year: "" };

export type JalaliProblem =
  | { kind: "notDigits"; part: "day" | "year" }
  | { kind: "dayOutOfRange" }
  | { kind: "shortYear" }
  | { kind: "gregorianYear" }
  /** The month has fewer days that year (31 Mehr, or 30 Esfand outside a leap year). */
  | { kind: "pastMonthEnd"; year: number; month: number; monthLength: number };

export type JalaliReading =
  | { kind: "empty" }
  /** Some parts given, not all: no day yet, and nothing wrong to say while the person types. */
  | { kind: "incomplete"; missing: Array<keyof JalaliParts> }
  | { kind: "day"; iso: string }
  | { kind: "problem"; problem: JalaliProblem };

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits as 0-9. */
export function toLatinDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Every digit as a Persian digit, for showing back what was typed. */
export function toPersianDigits(text: string): string {
  return toLatinDigits(text).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** The Gregorian [year, month, day] of an ISO day, or null when it is not a real day. */
function gregorianOf(isoDay: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? [year, month, day] : null;
}

/** The Jalali parts of an ISO day ("1991-10-07" → 15 / 7 / 1370, ASCII digits); empty parts for "" or anything else. */
export function jalaliPartsOf(isoDay: string): JalaliParts {
  const gregorian = gregorianOf(isoDay);
  if (!gregorian) return NO_PARTS;
  const { jy, jm, jd } = toJalaali(...gregorian);
  return { day: String(jd), month: String(jm), year: String(jy) };
}

/** The ISO Gregorian day of a real Jalali date ("1370", "7", "15" → "1991-10-07"). */
export function isoDayOfJalali(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || !isValidJalaaliDate(year, month, day)) return null;
  const { gy, gm, gd } = toGregorian(year, month, day);
  return `${pad(gy, 4)}-${pad(gm)}-${pad(gd)}`;
}

/** Reads the three typed parts: a day, nothing, not yet all of it, or what is wrong with it. */
export function readJalaliDay(parts: JalaliParts): JalaliReading {
  const day = toLatinDigits(parts.day.trim());
  const month = parts.month.trim();
  const year = toLatinDigits(parts.year.trim());
  const missing = (["day", "month", "year"] as const).filter((part) => !{ day, month, year }[part]);
  if (missing.length === 3) return { kind: "empty" };
  if (day && !/^\d+$/.test(day)) return { kind: "problem", problem: { kind: "notDigits", part: "day" } };
  if (year && !/^\d+$/.test(year)) return { kind: "problem", problem: { kind: "notDigits", part: "year" } };
  if (day && (Number(day) < 1 || Number(day) > 31)) return { kind: "problem", problem: { kind: "dayOutOfRange" } };
  if (missing.length) return { kind: "incomplete", missing };
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < FIRST_YEAR) return { kind: "problem", problem: { kind: "shortYear" } };
  if (y >= FIRST_GREGORIAN_LOOKING_YEAR) return { kind: "problem", problem: { kind: "gregorianYear" } };
  if (!Number.isInteger(m) || m < 1 || m > 12) return { kind: "incomplete", missing: ["month"] };
  const iso = isoDayOfJalali(y, m, d);
  if (!iso) return { kind: "problem", problem: { kind: "pastMonthEnd", year: y, month: m, monthLength: jalaaliMonthLength(y, m) } };
  return { kind: "day", iso };
}
