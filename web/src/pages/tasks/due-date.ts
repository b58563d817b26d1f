// The instant a task falls due in the workspace's time zone, from the day DateField gives (typed
// in the reader's calendar) and an optional time of day.
import { startOfDay } from "../../../../worker/core/stats/local-day";

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
