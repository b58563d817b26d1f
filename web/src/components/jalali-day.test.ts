// What a Persian user types into DateField, and the day the API receives.
import { describe, expect, it } from "vitest";
import { jalaliPartsOf, readJalaliDay } from "./jalali-day";

describe("reading a Jalali day typed in the date field", () => {
  it("turns ۱۵ مهر ۱۳۷۰, typed in Persian digits, into 1991-10-07", () => {
    expect(readJalaliDay({ day: "۱۵", month: "7", year: "۱۳۷۰" })).toEqual({ kind: "day", iso: "1991-10-07" });
    expect(jalaliPartsOf("1991-10-07")).toEqual({ day: "15", month: "7", year: "1370" });
  });

  it("accepts 30 Esfand only in a leap year and says how long the month is otherwise", () => {
    expect(readJalaliDay({ day: "30", month: "12", year: "1403" })).toEqual({ kind: "day", iso: "2025-03-20" });
    expect(readJalaliDay({ day: "30", month: "12", year: "1404" })).toEqual({ kind: "problem", problem: { kind: "pastMonthEnd", year: 1404, month: 12, monthLength: 29 } });
  });

  it("waits while the person is still typing, and refuses a Gregorian year", () => {
    expect(readJalaliDay({ day: "5", month: "", year: "" })).toEqual({ kind: "incomplete", missing: ["month", "year"] });
    expect(readJalaliDay({ day: "", month: "", year: "" })).toEqual({ kind: "empty" });
    expect(readJalaliDay({ day: "5", month: "1", year: "2025" })).toEqual({ kind: "problem", problem: { kind: "gregorianYear" } });
  });
});
