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
