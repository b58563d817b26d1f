// A labelled time-of-day field on the 24-hour clock, in the reader's digits (Persian in Persian).
// Its value, in and out, is "HH:MM" in ASCII digits, or "" for none. The browser's own time input
// follows the computer's locale (a 12-hour clock with AM/PM on many), not the page's language,
// so the time is typed as text (read by time-of-day.ts). Text that is no time of day reaches the
// caller as typed, and `isTimeOfDay` tells it so.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLanguage, useMessages } from "../i18n/i18n";
import { TextField } from "./field";
import { toPersianDigits } from "./jalali-day";
import { asciiDigits, readTimeOfDay } from "./time-of-day";
import { timeFieldMessages } from "./time-field.messages";

export interface TimeFieldProps {
  label: ComponentChildren;
  /** "HH:MM" or "". */
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: ComponentChildren;
  name?: string;
}

export function TimeField({ label, value, onValue, error, hint, name }: TimeFieldProps) {
  const { language } = useLanguage();
  const t = useMessages(timeFieldMessages);
  const shown = (time: string) => (language === "fa" ? toPersianDigits(time) : time);
  const [text, setText] = useState(() => shown(value));
  const [left, setLeft] = useState(false);
  /** The last value given to the caller, to tell our own echo from a new value (a quick pick, a reset). */
  const given = useRef(value);
  useEffect(() => {
    if (value === given.current) return;
    given.current = value;
    setText(shown(value));
  }, [value]);

  const reading = text.trim() === "" ? "" : readTimeOfDay(text);
  // What is wrong is said once the person moves on, or at once when the caller (the API) objects.
  return (
    <div onFocusOut={() => setLeft(true)} class="time-field">
      <TextField
        label={label}
        name={name}
        dir="ltr"
        inputMode="numeric"
        autoComplete="off"
        placeholder={shown("10:00")}
        value={text}
        onValue={(next) => {
          setText(language === "fa" ? toPersianDigits(next) : next);
          setLeft(false);
          const read = next.trim() === "" ? "" : readTimeOfDay(next);
          const out = read ?? asciiDigits(next);
          given.current = out;
          onValue(out);
        }}
        error={reading === null && (left || error) ? t("invalid") : error}
        hint={hint}
      />
    </div>
  );
}
