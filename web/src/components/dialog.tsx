// A modal dialog on the native <dialog> element: focus is trapped and Escape closes it.
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
    <dialog ref={ref} class="dialog" onClose={onClose} aria-labelledby={titleId}>
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
