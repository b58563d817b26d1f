// Moving through a page with the keyboard alone: Tab (or Shift+Tab) until a control has focus,
// failing if it never comes, so a control the keyboard cannot reach fails its test.
import type { Locator, Page } from "playwright-core";

/** Whether this element is the one with focus now. */
export const hasFocus = (locator: Locator) => locator.evaluate((element) => element === element.ownerDocument.activeElement);

/** What has focus, for messages: its tag, role and name or text. */
export const focused = (page: Page) =>
  page.evaluate<string>(
    "(() => { const e = document.activeElement; return e ? `${e.tagName.toLowerCase()} ${e.getAttribute('role') ?? ''} ${e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? ''}` : 'nothing'; })()",
  );

/** Presses Tab (Shift+Tab backwards) until the control has focus; at most `limit` presses. */
export async function tabTo(page: Page, target: Locator, { backwards = false, limit = 60 } = {}) {
  await target.waitFor();
  const trail: string[] = [];
  for (let press = 0; press < limit; press++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    trail.push(await focused(page));
  }
  if (await hasFocus(target)) return;
  throw new Error(`${limit} presses of ${backwards ? "Shift+Tab" : "Tab"} never reached ${target}; focus went: ${trail.join(" → ")}`);
}

/** Whether the focused element shows a focus ring (an outline or a box-shadow). */
export const focusIsVisible = (page: Page) =>
  page.evaluate<boolean>("(() => { const s = getComputedStyle(document.activeElement); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; })()");

/** One stop of a Tab walk: a number the page keeps for the focused element, what it is, and whether its focus shows. */
export interface TabStop {
  stop: number;
  what: string;
  ringShows: boolean;
}

/**
 * The focused element as a Tab stop (null when focus is back on the page itself). The number is
 * kept in a WeakMap on the page, so the same element gets the same number going either way and
 * the page's own markup is left as it is.
 */
export const tabStop = (page: Page) =>
  page.evaluate<TabStop | null>(`(() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    const stops = (window.__tabStops ??= new WeakMap());
    if (!stops.has(e)) stops.set(e, (window.__tabStopCount = (window.__tabStopCount ?? 0) + 1));
    const s = getComputedStyle(e);
    const ringShows = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    const what = e.tagName.toLowerCase() + ' ' + (e.getAttribute('role') ?? '') + ' ' + (e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? '');
    return { stop: stops.get(e), what, ringShows };
  })()`);
