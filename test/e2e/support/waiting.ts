// How the browser tests wait for what the page shows. After an action (a click, a key, a goto,
// a reload) the page changes when the browser gets round to it, and how soon depends on the
// browser's version and on how busy the machine is: so a test never reads the page once and
// asserts, it waits until the assertion holds.
//
//   await eventually("the menu button's aria-expanded", () => menu.getAttribute("aria-expanded")).toBe("false");
//   await page.getByRole("heading", { name }).waitFor();   // a locator's own wait, for "it is shown"
//
// Both give up only after waitMs(), with a message naming what they waited for.
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
