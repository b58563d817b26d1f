// A modal dialog on the native <dialog> element: it takes focus, Escape closes it and focus goes
// back to what opened it (both native); Tab and Shift+Tab cycle inside it, never out to the
// browser's own controls.
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";
import { useMessages } from "../i18n/i18n";
import { commonMessages } from "./common.messages";

export function Dialog({ open, title, onClose, children }: { open: boolean; title: ComponentChildren; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  // Each dialog its own title id: a page may hold several (closed ones too).
  const titleId = useId();
  const t = useMessages(commonMessages);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} class="dialog" onClose={onClose} onKeyDown={keepFocusInside} aria-labelledby={titleId}>
      <div class="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="icon-button" aria-label={t("close")} onClick={onClose}>
          ×
        </button>
      </div>
      {open && children}
    </dialog>
  );
}

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/** Tab on the last control goes to the first, Shift+Tab on the first to the last. */
function keepFocusInside(event: KeyboardEvent) {
  if (event.key !== "Tab") return;
  const dialog = event.currentTarget as HTMLDialogElement;
  const stops = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((element) => element.getClientRects().length > 0);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey ? active === first || active === dialog : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
