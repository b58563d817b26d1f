// Dates as the API takes them: a day that exists in the Gregorian calendar (no 30 February, no
// 29 February outside a leap year), alone or inside an ISO 8601 time. Every date input in the
// core and the plugins is read through this module, so none can store a day that never was.
import { z } from "@hono/zod-openapi";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Whether year-month-day (month 1-12) names a day of the Gregorian calendar. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** An ISO 8601 time with an offset on a real day ("2025-03-21T10:30:00+03:30"), as epoch ms; null otherwise. */
export function instantOfTime(value: string): number | null {
  const match = TIME.exec(value);
  if (!match || !isCalendarDay(match[1]!)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/** Which message fits a value that is not a day: wrong shape, or a shape with no such day. */
const dayProblem = (value: string, shape: "invalid_date" | "invalid_time" = "invalid_date") => (DAY.test(value) || TIME.test(value) ? "not_a_real_date" : shape);

/** A calendar day, YYYY-MM-DD, that exists. */
export const CalendarDay = z
  .string()
  .superRefine((value, ctx) => {
    if (!isCalendarDay(value)) ctx.addIssue({ code: "custom", message: dayProblem(value) });
  })
  .openapi({ type: "string", format: "date", example: "1990-03-21" });

/** An ISO 8601 time with an offset on a real day ("2025-03-21T09:30:00+03:30"). */
export const TimeWithOffset = z
  .string()
  .superRefine((value, ctx) => {
    if (instantOfTime(value) === null) ctx.addIssue({ code: "custom", message: dayProblem(value, "invalid_time") });
  })
  .openapi({ type: "string", format: "date-time", example: "2025-03-21T09:30:00+03:30" });

/** A time with offset on a real day, or a plain calendar day (read by the caller as that day's local midnight). */
export const TimeOrDay = z
  .string()
  .superRefine((value, ctx) => {
    if (!isCalendarDay(value) && instantOfTime(value) === null) ctx.addIssue({ code: "custom", message: dayProblem(value) });
  })
  .openapi({ type: "string", example: "2025-03-21" });

/** A time a shop sent in any ISO-like form: refused when its leading YYYY-MM-DD is not a real day. */
export function namesImpossibleDay(value: string): boolean {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  return day !== undefined && !isCalendarDay(day);
}
