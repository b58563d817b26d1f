// The days a task calendar shows: a week, or a month padded to whole weeks. In Persian the month
// is a Jalali month and weeks start on Saturday; in English the month is Gregorian and weeks start
// on the workspace's week-start day (Settings → Workspace, the dashboard's weeks). Days are ISO
// calendar days (the workspace's local days), so everything here is computed in UTC. Pure.
import { jalaaliMonthLength, toGregorian, toJalaali } from "jalaali-js";
import { addDays } from "../../../../worker/core/stats/local-day";

export type CalendarLayout = "week" | "month";

/** Date#getUTCDay numbering: 6 is Saturday, 0 Sunday, 1 Monday. */
export type WeekStartDay = number;

export interface CalendarRange {
  /** Every day shown, first to last, whole weeks. */
  days: string[];
  /** The days of the month itself (a month's grid also shows the ends of its neighbours). */
  inPeriod: (day: string) => boolean;
  /** A day in the period before and after, for the previous/next buttons. */
  previous: string;
  next: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");
const isoOf = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const partsOf = (day: string) => day.split("-").map(Number) as [number, number, number];
const weekdayOf = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();

export function startOfWeek(day: string, weekStartsOn: WeekStartDay): string {
  return addDays(day, -((weekdayOf(day) - weekStartsOn + 7) % 7));
}

/** The first and last day of the month holding `day`: Jalali or Gregorian. */
export function monthOf(day: string, jalali: boolean): { first: string; last: string } {
  const [year, month, date] = partsOf(day);
  if (jalali) {
    const { jy, jm } = toJalaali(year, month, date);
    const start = toGregorian(jy, jm, 1);
    const first = isoOf(start.gy, start.gm, start.gd);
    return { first, last: addDays(first, jalaaliMonthLength(jy, jm) - 1) };
  }
  const first = isoOf(year, month, 1);
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { first, last };
}

export function calendarRange(anchor: string, layout: CalendarLayout, jalali: boolean, weekStartsOn: WeekStartDay): CalendarRange {
  if (layout === "week") {
    const first = startOfWeek(anchor, weekStartsOn);
    const days = Array.from({ length: 7 }, (_, i) => addDays(first, i));
    return { days, inPeriod: () => true, previous: addDays(first, -7), next: addDays(first, 7) };
  }
  const { first, last } = monthOf(anchor, jalali);
  const gridStart = startOfWeek(first, weekStartsOn);
  const gridEnd = addDays(startOfWeek(last, weekStartsOn), 6);
  const days: string[] = [];
  for (let day = gridStart; day <= gridEnd; day = addDays(day, 1)) days.push(day);
  return { days, inPeriod: (day) => day >= first && day <= last, previous: addDays(first, -1), next: addDays(last, 1) };
}

/** The day of the month as the reader counts it: the Jalali day in Persian. */
export function dayOfMonth(day: string, jalali: boolean): number {
  const [year, month, date] = partsOf(day);
  return jalali ? toJalaali(year, month, date).jd : date;
}
