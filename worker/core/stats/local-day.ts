// Calendar days in the workspace's time zone (workerd runs in UTC): a rollup's day is the day the
// business saw, not the UTC one.

/** The zone the product assumes when a caller has not said which (the workspaces' default). */
export const DEFAULT_TIME_ZONE = "Asia/Tehran";

const formats = new Map<string, Intl.DateTimeFormat>();

/** "2025-03-21": the local calendar day of an instant in a time zone. */
export function localDay(at: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(timeZone, format);
  }
  return format.format(new Date(at));
}

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD day to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

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

/** "2025-03-21" → the instant (epoch ms) that day starts in the zone. */
export function startOfDay(day: string, timeZone: string = DEFAULT_TIME_ZONE): number {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, date);
  let at = utcMidnight;
  // Twice: the offset at the first guess may differ from the offset at the answer (DST).
  for (let i = 0; i < 2; i++) at = utcMidnight - offsetAt(at, timeZone);
  return at;
}
