// A calendar day ("1990-03-21", a birthday) in the user's calendar. It is a date, not an instant,
// so it is read in UTC: no time zone may move a birthday to the day before.
import type { Language } from "../../i18n/i18n";

export function formatCalendarDay(day: string | null | undefined, language: Language): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day || "—";
  const locale = language === "fa" ? "fa-IR-u-ca-persian" : "en-GB";
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(Date.parse(`${day}T00:00:00Z`));
}
