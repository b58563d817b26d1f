// Whether today is a customer's birthday, on the Jalali (Persian) or Gregorian calendar, in the
// workspace's local day; 29 February and 30 Esfand fall on the day before in the other years.
import { addDays } from "../../worker/plugin-api";

const persianMonthDay = (day: string) =>
  new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", { timeZone: "UTC", month: "numeric", day: "numeric" }).format(new Date(`${day}T12:00:00Z`));

/** Whether a birthday (YYYY-MM-DD, Gregorian as stored) falls on `today` in the calendar; 29 Feb and 30 Esfand on the day before in other years. */
export function isBirthdayOn(birthday: string, today: string, calendar: "persian" | "gregorian"): boolean {
  if (calendar === "gregorian") return birthday.slice(5) === today.slice(5) || (birthday.slice(5) === "02-29" && today.slice(5) === "02-28" && addDays(today, 1).slice(5) === "03-01");
  const mine = persianMonthDay(birthday);
  if (mine === persianMonthDay(today)) return true;
  // 30 Esfand exists in leap years only: celebrated on the year's last day otherwise.
  return mine === "12/30" && persianMonthDay(addDays(today, 1)) === "1/1" && persianMonthDay(today) === "12/29";
}

