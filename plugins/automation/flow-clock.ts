// When a wait step ends, in the workspace's local time: after a duration, at the next local time
// of day, or at a time on the next business day (Friday is the weekend in Iran; the flow lists
// its holidays).
import { addDays, localDay, localMidnight } from "../../worker/plugin-api";
import type { FlowStep } from "./flow-definition";

const MINUTE_MS = 60_000;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const at_ = (day: string, time: string, timeZone: string) => localMidnight(day, timeZone) + minutesOf(time) * MINUTE_MS;
const isFriday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 5;

/** The next instant after `at` that reads `time` on the local clock. */
export function nextLocalTime(at: number, time: string, timeZone: string): number {
  const today = localDay(at, timeZone);
  const candidate = at_(today, time, timeZone);
  return candidate > at ? candidate : at_(addDays(today, 1), time, timeZone);
}

/** `time` on the first business day after the local day of `at`. */
export function nextBusinessDay(at: number, time: string, timeZone: string, holidays: readonly string[]): number {
  let day = addDays(localDay(at, timeZone), 1);
  while (isFriday(day) || holidays.includes(day)) day = addDays(day, 1);
  return at_(day, time, timeZone);
}

type WaitStep = Extract<FlowStep, { type: "wait" | "wait_until" | "wait_business_day" }>;

export function wakeTime(step: WaitStep, at: number, timeZone: string, holidays: readonly string[]): number {
  switch (step.type) {
    case "wait":
      return at + ((step.days * 24 + step.hours) * 60 + step.minutes) * MINUTE_MS;
    case "wait_until":
      return nextLocalTime(at, step.time, timeZone);
    case "wait_business_day":
      return nextBusinessDay(at, step.time, timeZone, holidays);
  }
}
