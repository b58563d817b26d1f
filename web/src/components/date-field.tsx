// A labelled calendar-day field. Its value, in and out, is the ISO Gregorian day the API speaks
// ("1991-10-07", or "" for none), so callers never convert. In Persian it is three parts in the
// Jalali calendar (day, month by name, year) with Persian digits; in English the browser's own
// date picker. A Jalali date that does not exist (31 Mehr, 30 Esfand outside a leap year) says
// so beneath the parts and gives the caller "", as an unfinished native date input does.
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { useLanguage, useMessages, type Translate } from "../i18n/i18n";
import { dateFieldMessages } from "./date-field.messages";
import { TextField } from "./field";
import { JALALI_MONTHS, jalaliPartsOf, readJalaliDay, toPersianDigits, type JalaliParts, type JalaliProblem, type JalaliReading } from "./jalali-day";

export interface DateFieldProps {
  label: ComponentChildren;
  /** "YYYY-MM-DD" or "". */
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: ComponentChildren;
  required?: boolean;
  name?: string;
}

export function DateField(props: DateFieldProps) {
  const { language } = useLanguage();
  if (language === "fa") return <JalaliDateField {...props} />;
  const { label, value, onValue, error, hint, required, name } = props;
  return <TextField label={label} name={name} type="date" dir="ltr" value={value} onValue={onValue} error={error} hint={hint} required={required} />;
}

type Part = keyof JalaliParts;

/** What is wrong, in words, and the parts it is about (those are marked invalid). */
function describeProblem(problem: JalaliProblem, t: Translate<keyof typeof dateFieldMessages.en>): { text: string; parts: Part[] } {
  switch (problem.kind) {
    case "notDigits":
      return { text: t("notDigits", { part: t(problem.part) }), parts: [problem.part] };
    case "dayOutOfRange":
      return { text: t("dayOutOfRange"), parts: ["day"] };
    case "shortYear":
      return { text: t("shortYear"), parts: ["year"] };
    case "gregorianYear":
      return { text: t("gregorianYear"), parts: ["year"] };
    case "pastMonthEnd":
      // The year as a string: a number parameter would be grouped ("۱٬۴۰۴").
      return { text: t("pastMonthEnd", { month: JALALI_MONTHS[problem.month - 1] ?? "", year: toPersianDigits(String(problem.year)), days: problem.monthLength }), parts: ["day"] };
  }
}

/** Whether to say what is wrong now, or wait until the person has left the field. */
function isWorthSayingYet(reading: JalaliReading, left: boolean): boolean {
  if (reading.kind === "incomplete") return left;
  // "140" is on its way to "1404": a short year is only wrong once they have moved on.
  if (reading.kind === "problem" && reading.problem.kind === "shortYear") return left;
  return reading.kind === "problem";
}

function JalaliDateField({ label, value, onValue, error, hint, required, name }: DateFieldProps) {
  const t = useMessages(dateFieldMessages);
  const id = useId();
  const [parts, setParts] = useState<JalaliParts>(() => jalaliPartsOf(value));
  /** True once focus has left the three parts since the last change. */
  const [left, setLeft] = useState(false);
  /** The last value given to the caller, to tell our own echo from a new value (a reset, a loaded record). */
  const given = useRef(value);
  useEffect(() => {
    if (value === given.current) return;
    given.current = value;
    setParts(jalaliPartsOf(value));
    setLeft(false);
  }, [value]);

  const reading = readJalaliDay(parts);
  const change = (part: Part, text: string) => {
    const next = { ...parts, [part]: part === "month" ? text : toPersianDigits(text) };
    setParts(next);
    setLeft(false);
    const read = readJalaliDay(next);
    const day = read.kind === "day" ? read.iso : "";
    given.current = day;
    if (day !== value) onValue(day);
  };

  const own = !isWorthSayingYet(reading, left)
    ? undefined
    : reading.kind === "problem"
      ? describeProblem(reading.problem, t)
      : { text: t("incomplete"), parts: reading.kind === "incomplete" ? reading.missing : [] };
  const shownError = own?.text ?? error;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [shownError && errorId, hint && !shownError && hintId].filter(Boolean).join(" ") || undefined;
  /** The part at fault, or every part when the caller (the API) objects to the day as a whole. */
  const invalid = (part: Part) => (own ? own.parts.includes(part) : Boolean(error)) || undefined;
  const control = (part: Part) => ({
    id: `${id}-${part}`,
    class: "input",
    required,
    "aria-invalid": invalid(part),
    "aria-describedby": describedBy,
  });

  return (
    <fieldset
      class="date-field"
      onFocusOut={(event) => {
        const to = event.relatedTarget as Node | null;
        if (!to || !event.currentTarget.contains(to)) setLeft(true);
      }}
    >
      <legend class="field__label date-field__legend">
        {label}
        {required && <span class="field__required" aria-hidden="true"> *</span>}
      </legend>
      <div class="date-field__parts">
        <label for={`${id}-day`} class="visually-hidden">
          {t("day")}
        </label>
        <input
          {...control("day")}
          type="text"
          inputMode="numeric"
          maxLength={2}
          autoComplete="off"
          placeholder={t("day")}
          value={toPersianDigits(parts.day)}
          onInput={(event) => change("day", event.currentTarget.value)}
        />
        <label for={`${id}-month`} class="visually-hidden">
          {t("month")}
        </label>
        <select {...control("month")} value={parts.month} onChange={(event) => change("month", event.currentTarget.value)}>
          <option value="">{t("month")}</option>
          {JALALI_MONTHS.map((month, index) => (
            <option key={month} value={String(index + 1)}>
              {month}
            </option>
          ))}
        </select>
        <label for={`${id}-year`} class="visually-hidden">
          {t("year")}
        </label>
        <input
          {...control("year")}
          type="text"
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
          placeholder={t("year")}
          value={toPersianDigits(parts.year)}
          onInput={(event) => change("year", event.currentTarget.value)}
        />
      </div>
      {name && <input type="hidden" name={name} value={reading.kind === "day" ? reading.iso : ""} />}
      {hint && !shownError && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {shownError && (
        <p id={errorId} class="field__error" role="alert">
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
