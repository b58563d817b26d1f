// How the browser tests wait for what the page shows. After an action (a click, a key, a goto,
// a reload) the page changes when the browser gets round to it, and how soon depends on the
// browser's version and on how busy the machine is: so a test never reads the page once and
// asserts, it waits until the assertion holds.
//
//   await eventually("the menu button's aria-expanded", () => menu.getAttribute("aria-expanded")).toBe("false");
//   await page.getByRole("heading", { name }).waitFor();   // a locator's own wait, for "it is shown"
//
// Both give up only after WAIT_MS, with a message naming what they waited for.
import { expect } from "vitest";

/**
 * How long one wait may take before the test fails. A page that works answers in well under a
 * second; this leaves room for a slow or busy machine, and stays under the test's own timeout
 * (vitest.e2e.config.ts) so a failure names the wait, not just "test timed out".
 */
export const WAIT_MS = 30_000;

/**
 * Reads `read()` again and again until the assertion chained on it passes (any `expect` matcher,
 * `.not` too), and fails after WAIT_MS with `what` and the last value read.
 */
export function eventually<T>(what: string, read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: WAIT_MS, interval: 100, message: `${what} (waited ${WAIT_MS / 1000} s)` });
}
