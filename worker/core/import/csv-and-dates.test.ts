// The CSV reader (papaparse, inside workerd) and the date reading imports rely on.
import { describe, expect, it } from "vitest";
import { gregorianToJalali, jalaliToGregorian, parseDate, zonedTime } from "./dates";
import { parseCsv } from "./parse-csv";

describe("parseCsv", () => {
  it("reads a BOM, guesses semicolons and keeps quoted separators, quotes and line breaks", () => {
    const parsed = parseCsv('\uFEFFنام;توضیح\r\nمریم;"یک; دو ""سه""\nچهار"\r\n\r\nعلی;\r\n');
    expect(parsed.header).toEqual(["نام", "توضیح"]);
    expect(parsed.rows).toEqual([["مریم", 'یک; دو "سه"\nچهار'], ["علی", ""]]);
  });

  it("guesses commas and tabs, and takes a delimiter when given", () => {
    expect(parseCsv("a,b\n1,2\n").rows).toEqual([["1", "2"]]);
    expect(parseCsv("a\tb\n1\t2\n").rows).toEqual([["1", "2"]]);
    expect(parseCsv("a;b\n1,5;2\n", ";").rows).toEqual([["1,5", "2"]]);
  });
});

describe("dates", () => {
  it("converts Jalali dates as the runtime's Persian calendar does", () => {
    for (let time = Date.UTC(1950, 0, 1); time < Date.UTC(2080, 0, 1); time += 86_400_000 * 13) {
      const day = new Date(time);
      const [jy, jm, jd] = gregorianToJalali(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
      expect(jalaliToGregorian(jy, jm, jd)).toEqual([day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]);
    }
  });

  it("reads Gregorian and Jalali dates and refuses days that do not exist", () => {
    expect(parseDate("۱۳۶۹/۰۱/۰۱")).toMatchObject({ year: 1990, month: 3, day: 21 });
    expect(parseDate("2024-02-29 08:15")).toMatchObject({ year: 2024, month: 2, day: 29, hour: 8, minute: 15 });
    expect(parseDate("2023-02-29")).toBeNull();
    expect(parseDate("1402/12/30")).toBeNull(); // 1402 is not a leap year
    expect(parseDate("1403/12/30")).toMatchObject({ year: 2025, month: 3, day: 20 });
    expect(parseDate("yesterday")).toBeNull();
  });

  it("reads a wall-clock time in the workspace's time zone", () => {
    expect(zonedTime({ year: 2024, month: 4, day: 3, hour: 0, minute: 0, second: 0 }, "Asia/Tehran")).toBe(Date.parse("2024-04-03T00:00:00+03:30"));
    expect(zonedTime({ year: 2024, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, "Europe/Berlin")).toBe(Date.parse("2024-07-01T12:00:00+02:00"));
  });
});
