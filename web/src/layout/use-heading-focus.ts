// After a change of page, focus goes to the new page's heading, so a screen reader announces
// where the person now is and Tab continues from the page's content, not from the navigation.
// The first page shown keeps the browser's own start; a page whose form focuses its first field
// keeps that. Pages that load their data show their heading a little later: it is waited for.
import { useEffect, useRef } from "preact/hooks";

/** How long a page may take to show its heading before focus is left where it is. */
const HEADING_WAIT_MS = 10_000;

const isField = (element: Element | null) => element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;

export function useHeadingFocus(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById("main");
    if (!main) return;
    const focusHeading = (): boolean => {
      if (main.contains(document.activeElement) && isField(document.activeElement)) return true;
      const heading = main.querySelector<HTMLElement>("h1");
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const giveUp = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
    };
  }, [path]);
}
