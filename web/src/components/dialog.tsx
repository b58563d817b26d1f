// A modal dialog on the native <dialog> element: focus is trapped and Escape closes it.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function Dialog({ open, title, onClose, children }: { open: boolean; title: ComponentChildren; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} class="dialog" onClose={onClose} aria-labelledby="dialog-title">
      <div class="dialog__header">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" class="icon-button" aria-label="×" onClick={onClose}>
          ×
        </button>
      </div>
      {open && children}
    </dialog>
  );
}
