// How hard delivery tries: attempts, back-off, and when the sweeper steps in.
export const MAX_ATTEMPTS = 5;

/** Seconds before the next attempt: 10 s, 40 s, 160 s, 640 s, … capped at one hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 10 * 4 ** Math.max(0, attempt - 1));
}

/** An event still not handed to the queue this long after it was written is re-sent. */
export const UNDISPATCHED_AFTER_MS = 60_000;
/** A failing delivery whose retry is this overdue (its queue message was lost) is re-sent. */
export const OVERDUE_RETRY_MS = 5 * 60_000;
/**
 * An event handed to the queue this long ago and still not settled (a target without a receipt
 * or a dead-letter row) is re-sent: its message was lost. Longer than a delivery's own retries
 * (10 + 40 + 160 + 640 s) take, so a live retry is rarely doubled (and a double is harmless).
 */
export const UNSETTLED_AFTER_MS = 30 * 60_000;
