import { defineMessages } from "../i18n/i18n";

/** The Jalali date field's part names and what it says about a date that cannot be. */
export const dateFieldMessages = defineMessages({
  en: {
    day: "Day",
    month: "Month",
    year: "Year",
    noMonth: "—",
    notDigits: "Write the {part} in digits only.",
    dayOutOfRange: "The day is a number from 1 to 31.",
    shortYear: "Write the year in four digits, e.g. 1405.",
    gregorianYear: "That is a Gregorian year; write the Jalali year, e.g. 1405.",
    pastMonthEnd: "{month} {year} has only {days} days.",
    incomplete: "Fill in the day, month and year, or leave all three empty.",
  },
  fa: {
    day: "روز",
    month: "ماه",
    year: "سال",
    noMonth: "—",
    notDigits: "{part} را فقط با رقم بنویسید.",
    dayOutOfRange: "روز عددی از ۱ تا ۳۱ است.",
    shortYear: "سال را چهار رقمی بنویسید، مانند ۱۴۰۵.",
    gregorianYear: "این سال میلادی است؛ سال خورشیدی را بنویسید، مانند ۱۴۰۵.",
    pastMonthEnd: "{month} سال {year} فقط {days} روز دارد.",
    incomplete: "روز، ماه و سال را کامل کنید، یا هر سه را خالی بگذارید.",
  },
});
