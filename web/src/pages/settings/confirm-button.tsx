// A button whose action waits for a "yes" in a modal dialog: revoking, deleting, deactivating.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { Dialog } from "../../components/dialog";
import { useMessages } from "../../i18n/i18n";

interface ConfirmButtonProps {
  /** The button's text, and the confirming button's unless `confirmLabel` says otherwise. */
  label: string;
  title: ComponentChildren;
  message: ComponentChildren;
  confirmLabel?: string;
  /** Resolves true when done (the dialog closes); false keeps it open, e.g. to show an error. */
  onConfirm: () => Promise<boolean>;
  busy?: boolean;
  variant?: "danger" | "primary" | "secondary";
  small?: boolean;
  disabled?: boolean;
  /** Shown inside the dialog under the message (the API's error). */
  error?: ComponentChildren;
}

export function ConfirmButton({ label, title, message, confirmLabel, onConfirm, busy, variant = "danger", small = true, disabled, error }: ConfirmButtonProps) {
  const common = useMessages(commonMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button small={small} variant={variant === "danger" ? "secondary" : variant} class={variant === "danger" ? "button--danger-text" : undefined} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {/* Mounted only while open: a closed dialog would still lend its title to screen readers. */}
      {open && (
        <Dialog open title={title} onClose={() => setOpen(false)}>
          <div class="stack">
            <div>{message}</div>
            {error}
            <div class="form__actions">
              <Button
                variant={variant}
                busy={busy}
                onClick={async () => {
                  if (await onConfirm()) setOpen(false);
                }}
              >
                {confirmLabel ?? label}
              </Button>
              <Button onClick={() => setOpen(false)}>{common("cancel")}</Button>
            </div>
          </div>
        </Dialog>
      )}
    </>
  );
}
