// Focus for the phone's navigation drawer, as for a dialog: opening moves focus to its first link,
// Tab and Shift+Tab cycle between its links and the menu button that closes it, Escape closes it
// and puts focus back on the menu button.
import type { RefObject } from "preact";
import { useEffect } from "preact/hooks";

export function useDrawerFocus(open: boolean, close: () => void, drawer: RefObject<HTMLElement>, toggle: RefObject<HTMLElement>) {
  useEffect(() => {
    if (!open) return;
    const links = () => Array.from(drawer.current?.querySelectorAll<HTMLElement>("a[href]") ?? []);
    links()[0]?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        close();
        toggle.current?.focus();
        return;
      }
      if (event.key !== "Tab") return;
      const cycle = [...links(), toggle.current].filter((element): element is HTMLElement => Boolean(element));
      const at = cycle.indexOf(document.activeElement as HTMLElement);
      const next = cycle[(at + (event.shiftKey ? -1 : 1) + cycle.length) % cycle.length];
      event.preventDefault();
      next?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
}
