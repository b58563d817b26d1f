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
