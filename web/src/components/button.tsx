// Buttons: one look per intent; `busy` disables and says so to screen readers.
import type { ComponentChildren, JSX } from "preact";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export interface ButtonProps extends Omit<JSX.HTMLAttributes<HTMLButtonElement>, "size"> {
  variant?: Variant;
  busy?: boolean;
  type?: "button" | "submit" | "reset";
  disabled?: boolean;
  small?: boolean;
  children?: ComponentChildren;
}

export function Button({ variant = "secondary", busy = false, small = false, type = "button", disabled, class: className, children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      class={["button", `button--${variant}`, small && "button--small", className].filter(Boolean).join(" ")}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy && <span class="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ href, variant = "secondary", small = false, children, ...rest }: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string; variant?: Variant; small?: boolean }) {
  return (
    <a {...rest} href={href} class={["button", `button--${variant}`, small && "button--small"].filter(Boolean).join(" ")}>
      {children}
    </a>
  );
}
