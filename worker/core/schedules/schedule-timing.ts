// When a plugin's job is due: minute jobs once per cron tick, hourly jobs once per clock hour, daily jobs once per local day at
// or after their local time, in the workspace's time zone (workerd's own zone is UTC).
import type { ScheduleTiming } from "../../plugin-api/types";

export function localParts(at: number, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function isDue(timing: ScheduleTiming, at: number, lastRunAt: number | null, timeZone: string): boolean {
  if (timing.every === "minute") return lastRunAt === null || lastRunAt < at - (at % 60_000);
  if (timing.every === "hour") {
    const hourStart = at - (at % 3_600_000);
    return lastRunAt === null || lastRunAt < hourStart;
  }
  const [hours = 0, minutes = 0] = timing.at.split(":").map(Number);
  const today = localParts(at, timeZone);
  if (today.minutes < hours * 60 + minutes) return false;
  return lastRunAt === null || localParts(lastRunAt, timeZone).date !== today.date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The UTC instant of a local date and minute of the day in a time zone (the earlier one across a clock change). */
export function localToUtc(date: string, minutes: number, timeZone: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  const offsetAt = (instant: number) => {
    const local = localParts(instant, timeZone);
    const [y, m, d] = local.date.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d, 0, local.minutes) - (instant - (instant % 60_000));
  };
  const first = wall - offsetAt(wall);
  return Math.min(first, wall - offsetAt(first));
}

/**
 * When a job is next due after `at`, given its last run (`at` itself if it is due now). Never
 * later than the truth, so a workspace woken by it finds the job due (or waits one more step).
 */
export function nextDueAt(timing: ScheduleTiming, at: number, lastRunAt: number | null, timeZone: string): number {
  if (isDue(timing, at, lastRunAt, timeZone)) return at;
  if (timing.every === "minute") return at - (at % 60_000) + 60_000;
  if (timing.every === "hour") return at - (at % HOUR_MS) + HOUR_MS;
  const [hours = 0, minutes = 0] = timing.at.split(":").map(Number);
  const today = localParts(at, timeZone);
  const ranToday = lastRunAt !== null && localParts(lastRunAt, timeZone).date === today.date;
  const [y, m, d] = today.date.split("-").map(Number) as [number, number, number];
  const day = ranToday ? new Date(Date.UTC(y, m - 1, d) + DAY_MS).toISOString().slice(0, 10) : today.date;
  return localToUtc(day, hours * 60 + minutes, timeZone);
}
