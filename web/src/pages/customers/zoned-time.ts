// Wall-clock times in the workspace's time zone (Asia/Tehran by default), not the browser's:
// a task "due tomorrow at 10:00" means 10:00 in the shop, wherever the laptop thinks it is.

const pad = (value: number) => String(value).padStart(2, "0");

/** The zone's offset from UTC at an instant, in minutes (Tehran: +210). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((wall - Math.floor(instant / 60000) * 60000) / 60000);
}

/** "2025-03-21T10:00" (a datetime-local value) in the zone → "2025-03-21T10:00:00+03:30"; undefined if malformed. */
export function zonedIso(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the wall time read as UTC, then once more at the instant it gives (DST edges).
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60000, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const size = Math.abs(offset);
  return `${local}:00${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}
