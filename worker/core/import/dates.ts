// Dates as Iranian spreadsheets hold them: Gregorian (2024-03-20, 2024/03/20) or Jalali
// (1403/01/01, ۱۴۰۳/۰۱/۰۱), with an optional time, read in the workspace's time zone.
import { toAsciiDigits } from "../cid/digits";

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Jalali to Gregorian (the 33-year-cycle arithmetic used across Iranian software). */
export function jalaliToGregorian(jy: number, jm: number, jd: number): [number, number, number] {
  const y = jy + 1595;
  let days = -355668 + 365 * y + Math.floor(y / 33) * 8 + Math.floor(((y % 33) + 3) / 4) + jd + (jm < 7 ? (jm - 1) * 31 : (jm - 7) * 30 + 186);
  let gy = 400 * Math.floor(days / 146097);
  days %= 146097;
  if (days > 36524) {
    days--;
    gy += 100 * Math.floor(days / 36524);
    days %= 36524;
    if (days >= 365) days++;
  }
  gy += 4 * Math.floor(days / 1461);
  days %= 1461;
  if (days > 365) {
    gy += Math.floor((days - 1) / 365);
    days = (days - 1) % 365;
  }
  let gd = days + 1;
  const leap = (gy % 4 === 0 && gy % 100 !== 0) || gy % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let gm = 0;
  while (gm < 12 && gd > monthDays[gm]!) gd -= monthDays[gm++]!;
  return [gy, gm + 1, gd];
}

const persianParts = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" });

/** The Jalali date of a Gregorian one, by the runtime's ICU calendar: a check on the arithmetic. */
export function gregorianToJalali(year: number, month: number, day: number): [number, number, number] {
  const parts = persianParts.formatToParts(Date.UTC(year, month - 1, day));
  const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? "", 10);
  return [part("year"), part("month"), part("day")];
}

const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A date (and time) in the calendar it is written in; null when it is not a real date. */
export function parseDate(raw: string): DateParts | null {
  const match = DATE.exec(toAsciiDigits(raw.trim()));
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((value) => (value === undefined ? 0 : Number.parseInt(value, 10))) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (year < 1700) {
    // A Jalali year: converted, and refused when the day does not exist (30 Esfand of a common year).
    const [gy, gm, gd] = jalaliToGregorian(year, month, day);
    const [jy, jm, jd] = gregorianToJalali(gy, gm, gd);
    if (jy !== year || jm !== month || jd !== day) return null;
    return { year: gy, month: gm, day: gd, hour, minute, second };
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute, second };
}

/** Why a cell is not a date: not written as one, or written as a day the calendar does not have. */
export const dateProblem = (raw: string): "invalid_date" | "not_a_real_date" => (DATE.test(toAsciiDigits(raw.trim())) ? "not_a_real_date" : "invalid_date");

/** "1990-03-21" for a birthday. */
export const isoDate = (parts: DateParts) => `${String(parts.year).padStart(4, "0")}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;

function zoneOffset(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? "0", 10);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) - Math.floor(at / 1000) * 1000;
}

/** Epoch milliseconds of a wall-clock time in a time zone (workerd's own zone is UTC). */
export function zonedTime(parts: DateParts, timeZone: string): number {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const first = wall - zoneOffset(timeZone, wall);
  return wall - zoneOffset(timeZone, first);
}
