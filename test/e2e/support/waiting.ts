// How the browser tests wait for what the page shows. After an action (a click, a key, a goto,
// a reload) the page changes when the browser gets round to it, and how soon depends on the
// browser's version and on how busy the machine is: so a test never reads the page once and
// asserts, it waits until the assertion holds.
//
//   await eventually("the menu button's aria-expanded", () => menu.getAttribute("aria-expanded")).toBe("false");
//   await page.getByRole("heading", { name }).waitFor();   // a locator's own wait, for "it is shown"
//
// Both give up only after waitMs(), with a message naming what they waited for.
import type { Locator, Page } from "playwright-core";
import { expect, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    waitMs: number;
  }
}

/**
 * How long one wait may take before the test fails, in ms (WAIT_MS in vitest.e2e.config.ts). A
 * page that works answers in well under a second; this leaves room for a slow or busy machine, and
 * stays under the test's own timeout so a failure names the wait, not just "test timed out".
 * (A function: only a test can read it, not the global setup that imports this module too.)
 */
export const waitMs = () => inject("waitMs");

/**
 * Reads `read()` again and again until the assertion chained on it passes (any `expect` matcher,
 * `.not` too), and fails after waitMs() with `what` and the last value read.
 */
export function eventually<T>(what: string, read: () => T | Promise<T>) {
  const timeout = waitMs();
  return expect.poll(read, { timeout, interval: 100, message: `${what} (waited ${timeout / 1000} s)` });
}

/**
 * Waits until `shown` is on the page, reloading it now and then in case the page read its data
 * before that data was written. Each reload is given time to load and fetch (a reload on every
 * poll would never let a slow page finish); gives up after waitMs() with `what`.
 */
export async function reloadUntilShown(page: Page, shown: Locator, what: string): Promise<void> {
  const deadline = Date.now() + waitMs();
  for (;;) {
    const left = deadline - Date.now();
    try {
      await shown.first().waitFor({ timeout: Math.max(1, Math.min(left, 5_000)) });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw new Error(`${what} (waited ${waitMs() / 1000} s, reloading)`, { cause: error });
      await page.reload();
    }
  }
}
