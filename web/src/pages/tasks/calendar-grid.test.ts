// The days a task calendar lays out: Jalali months with Saturday-first weeks in Persian,
// Gregorian months with the workspace's week start in English.
import { describe, expect, it } from "vitest";
import { calendarRange, dayOfMonth } from "./calendar-grid";

describe("the days of a task calendar", () => {
  it("shows Farvardin 1405 from its first day, a Saturday, to the Friday after 31 Farvardin", () => {
    const month = calendarRange("2026-04-02", "month", true, 6);
    expect(month.days[0]).toBe("2026-03-21");
    expect(dayOfMonth("2026-03-21", true)).toBe(1);
    expect(month.days.at(-1)).toBe("2026-04-24");
    expect(month.days).toHaveLength(35);
    expect(month.inPeriod("2026-04-20")).toBe(true);
    expect(month.inPeriod("2026-04-21")).toBe(false);
    expect(dayOfMonth("2026-04-21", true)).toBe(1);
    // Previous goes into Esfand 1404, next into Ordibehesht 1405.
    expect(month.previous).toBe("2026-03-20");
    expect(month.next).toBe("2026-04-21");
  });

  it("shows March 2026 in English in Monday-first weeks, padded with February and April", () => {
    const month = calendarRange("2026-03-15", "month", false, 1);
    expect(month.days[0]).toBe("2026-02-23");
    expect(month.days.at(-1)).toBe("2026-04-05");
    expect(month.days).toHaveLength(42);
    expect(month.inPeriod("2026-02-28")).toBe(false);
    expect(month.inPeriod("2026-03-01")).toBe(true);
  });

  it("shows a week from the week-start day on or before the day asked for", () => {
    expect(calendarRange("2026-03-25", "week", true, 6).days).toEqual(["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27"]);
    expect(calendarRange("2026-03-21", "week", false, 0).days[0]).toBe("2026-03-15");
  });
});
