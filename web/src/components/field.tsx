// Labelled form controls with their error and hint tied to the control for screen readers.
// `error` is usually `apiError?.fieldError("mobile")`, the API's own localized message.
import type { ComponentChildren, JSX } from "preact";
import { useId } from "preact/hooks";

interface FieldFrameProps {
  label: ComponentChildren;
  error?: string | undefined;
  hint?: ComponentChildren;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
}

function FieldFrame({ label, error, hint, required, children }: FieldFrameProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={id} class="field__label">
        {label}
        {required && <span class="field__required" aria-hidden="true"> *</span>}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && !error && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<JSX.HTMLAttributes<HTMLInputElement>, "label" | "onInput" | "value"> & {
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: ComponentChildren;
  required?: boolean;
  type?: string;
  name?: string;
  placeholder?: string;
  autoComplete?: string;
  dir?: "ltr" | "rtl" | "auto";
};

export function TextField({ label, value, onValue, error, hint, required, ...rest }: InputProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} required={required}>
      {({ id, describedBy, invalid }) => (
        <input
          {...rest}
          id={id}
          class="input"
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onInput={(event) => onValue((event.target as HTMLInputElement).value)}
        />
      )}
    </FieldFrame>
  );
}

type TextAreaProps = Omit<JSX.HTMLAttributes<HTMLTextAreaElement>, "label" | "onInput" | "value"> & {
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: ComponentChildren;
  required?: boolean;
  rows?: number;
  name?: string;
  /** Ids of more text that describes the box (shown next to it by the caller, e.g. a live count). */
  describedBy?: string;
};

export function TextArea({ label, value, onValue, error, hint, required, rows = 3, describedBy: more, ...rest }: TextAreaProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} required={required}>
      {({ id, describedBy, invalid }) => (
        <textarea
          {...rest}
          id={id}
          class="input"
          rows={rows}
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={[describedBy, more].filter(Boolean).join(" ") || undefined}
          onInput={(event) => onValue((event.target as HTMLTextAreaElement).value)}
        />
      )}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectProps = {
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  options: Option[];
  error?: string | undefined;
  hint?: ComponentChildren;
  required?: boolean;
  name?: string;
  disabled?: boolean;
  /** The control a dialog focuses when it opens. */
  autofocus?: boolean;
};

export function SelectField({ label, value, onValue, options, error, hint, required, ...rest }: SelectProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint} required={required}>
      {({ id, describedBy, invalid }) => (
        <select
          {...rest}
          id={id}
          class="input"
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onValue((event.target as HTMLSelectElement).value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function Checkbox({ label, checked, onChecked, hint, disabled, name }: { label: ComponentChildren; checked: boolean; onChecked: (checked: boolean) => void; hint?: ComponentChildren; disabled?: boolean; name?: string }) {
  return (
    <label class="checkbox">
      <input type="checkbox" name={name} checked={checked} disabled={disabled} onChange={(event) => onChecked((event.target as HTMLInputElement).checked)} />
      <span>
        {label}
        {hint && <small class="field__hint">{hint}</small>}
      </span>
    </label>
  );
}

/** A staff member's own mobile: typed as a phone number, left to right, filled by the browser. */
export function MobileField(props: Omit<InputProps, "type" | "name" | "inputMode" | "autoComplete" | "dir">) {
  return <TextField {...props} type="tel" name="mobile" inputMode="tel" autoComplete="tel" dir="ltr" />;
}
