// The instant a calendar day starts in a time zone (workerd runs in UTC; a shop in Tehran means
// Tehran's midnight when it says "2025-03-21").
import { instantOfTime, isCalendarDay } from "../calendar/calendar-day";

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(new Date(at))
      .map((part) => [part.type, Number(part.value)]),
  );
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return local - (at - (at % 1000));
}

/** "2025-03-21" → epoch ms of 00:00 that day in the zone. */
export function localMidnight(date: string, timeZone: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, day);
  let at = utcMidnight;
  // Twice: the offset at the first guess may differ from the offset at the answer (DST).
  for (let i = 0; i < 2; i++) at = utcMidnight - offsetAt(at, timeZone);
  return at;
}

/** A plain date (the zone's midnight) or an ISO time with offset, on a real day, as epoch ms; null if neither. */
export function instantOf(value: string, timeZone: string): number | null {
  return isCalendarDay(value) ? localMidnight(value, timeZone) : instantOfTime(value);
}
