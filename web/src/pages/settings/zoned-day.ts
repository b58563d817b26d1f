// A calendar day (YYYY-MM-DD, as <input type="date"> gives it) turned into the instants where it
// starts and ends in the workspace's time zone, which need not be the browser's.

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) - instant;
}

/** Epoch ms of 00:00 of `day` in `timeZone`. */
export function startOfDay(day: string, timeZone: string): number {
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  const wall = Date.UTC(year, month - 1, date);
  const first = wall - offsetAt(wall, timeZone);
  // Once more at the found instant, in case a daylight-saving change lies between the two.
  return wall - offsetAt(first, timeZone);
}

/** Epoch ms of the last millisecond of `day` in `timeZone`. */
export function endOfDay(day: string, timeZone: string): number {
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return startOfDay(next, timeZone) - 1;
}
