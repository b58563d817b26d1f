// When a plugin's job is due: hourly jobs once per clock hour, daily jobs once per local day at
// or after their local time, in the workspace's time zone (workerd's own zone is UTC).
import type { ScheduleTiming } from "../../plugin-api/types";

function localParts(at: number, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function isDue(timing: ScheduleTiming, at: number, lastRunAt: number | null, timeZone: string): boolean {
  if (timing.every === "hour") {
    const hourStart = at - (at % 3_600_000);
    return lastRunAt === null || lastRunAt < hourStart;
  }
  const [hours = 0, minutes = 0] = timing.at.split(":").map(Number);
  const today = localParts(at, timeZone);
  if (today.minutes < hours * 60 + minutes) return false;
  return lastRunAt === null || localParts(lastRunAt, timeZone).date !== today.date;
}
