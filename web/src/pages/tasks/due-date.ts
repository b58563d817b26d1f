// Due dates as people type them: Jalali (۱۴۰۴/۰۱/۱۵) or Gregorian (2025-04-04), with Persian or
// ASCII digits; and the instant a task falls due in the workspace's time zone. Jalali dates are
// converted through the browser's own Persian calendar (Intl), so no table of month lengths lives
// here: a date that does not exist does not survive the round trip.
import { addDays, startOfDay } from "../../../../worker/core/stats/local-day";

const toAscii = (text: string) => text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

const persianParts = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" });

/** The Jalali [year, month, day] of a Gregorian YYYY-MM-DD day. */
export function jalaliOf(day: string): [number, number, number] {
  const parts = persianParts.formatToParts(new Date(`${day}T12:00:00Z`));
  const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? "", 10);
  return [part("year"), part("month"), part("day")];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The Gregorian day of a Jalali date, or null when there is no such date. */
function fromJalali(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // 1 Farvardin falls on 19, 20, 21 or 22 March of the Gregorian year 621 later.
  const nowruz = [20, 21, 19, 22].map((d) => `${year + 621}-03-${d}`).find((candidate) => jalaliOf(candidate).join("/") === `${year}/1/1`);
  if (!nowruz) return null;
  const offset = month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  const result = addDays(nowruz, offset + day - 1);
  return jalaliOf(result).join("/") === `${year}/${month}/${day}` ? result : null;
}

/** "1404/01/15", "۱۴۰۴-۱-۱۵" or "2025-04-04" → "2025-04-04"; null when it is not a real date. */
export function parseTypedDate(text: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(toAscii(text.trim()));
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1700) return fromJalali(year, month, day);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** A Gregorian day written for the reader to edit: Jalali with Persian digits in Persian. */
export function typedDate(day: string, language: "fa" | "en"): string {
  if (language === "en") return day;
  const [year, month, date] = jalaliOf(day);
  return `${year}/${pad(month)}/${pad(date)}`.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
}

/** The end of the working day's last minute, when no time is given: due "on" that day, not before it. */
const END_OF_DAY = (23 * 60 + 59) * 60_000;

/**
 * The instant a task is due: the day's local midnight in the workspace's zone plus the time of day.
 * Adding the time to midnight is off by the shift on a daylight-saving day; Iran keeps no DST.
 */
export function dueInstant(day: string, time: string, timeZone: string): number {
  const [hours, minutes] = time ? time.split(":").map(Number) : [];
  const sinceMidnight = hours === undefined || minutes === undefined || Number.isNaN(hours) || Number.isNaN(minutes) ? END_OF_DAY : (hours * 60 + minutes) * 60_000;
  return startOfDay(day, timeZone) + sinceMidnight;
}

/** True when a due instant is the end-of-day default, so the list shows the date alone. */
export function isEndOfDay(at: number, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "numeric", minute: "numeric" }).formatToParts(at);
  return parts.find((p) => p.type === "hour")?.value === "23" && parts.find((p) => p.type === "minute")?.value === "59";
}
