// Loading, empty and error states, so every page shows the same three the same way.
import type { ComponentChildren } from "preact";
import type { ApiError } from "../api/client";
import { useMessages } from "../i18n/i18n";
import { Button } from "./button";
import { commonMessages } from "./common.messages";

export function Loading({ label }: { label?: string }) {
  const t = useMessages(commonMessages);
  return (
    <div class="state state--loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label ?? t("loading")}</span>
    </div>
  );
}

export function Empty({ children, action }: { children?: ComponentChildren; action?: ComponentChildren }) {
  const t = useMessages(commonMessages);
  return (
    <div class="state state--empty">
      <p>{children ?? t("nothing")}</p>
      {action}
    </div>
  );
}

/** An API error where it happened: the problem's detail and, if given, a retry. */
export function ErrorNotice({ error, onRetry }: { error: ApiError | undefined | null; onRetry?: () => void }) {
  const t = useMessages(commonMessages);
  if (!error) return null;
  return (
    <div class="notice notice--error" role="alert">
      <strong>{error.problem.title && error.problem.title !== error.message ? error.problem.title : t("errorTitle")}</strong>
      <p>{error.message}</p>
      {onRetry && (
        <Button small onClick={onRetry}>
          {t("retry")}
        </Button>
      )}
    </div>
  );
}

/** `live`: the notice reports the outcome of something under way, so a screen reader announces it. */
export function Notice({ tone = "info", live = false, children }: { tone?: "info" | "success" | "warning" | "muted"; live?: boolean; children: ComponentChildren }) {
  return (
    <div class={`notice notice--${tone}`} role={live ? "status" : undefined}>
      {children}
    </div>
  );
}
