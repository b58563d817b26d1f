// A time of day typed on the 24-hour clock, in Persian, Arabic-Indic or Latin digits: "14:30",
// "۱۴:۳۰", "1430", "9:05" and "9" all read; the value kept is "HH:MM" in ASCII digits.

export const asciiDigits = (text: string) => text.replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));

/** Whether a field's value is a time of day ("HH:MM"), not unfinished text. */
export const isTimeOfDay = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** "HH:MM" from what was typed, or null when it is no time of day. */
export function readTimeOfDay(text: string): string | null {
  const typed = asciiDigits(text).trim().replace(/[.٫]/g, ":");
  const match = /^(\d{1,2}):?(\d{2})$/.exec(typed) ?? /^(\d{1,2})$/.exec(typed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}
