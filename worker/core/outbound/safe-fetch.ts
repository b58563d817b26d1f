// The only way the Worker calls a URL a user gave it. The URL is checked again at call time (it
// may have been saved before a rule tightened), a redirect is never followed (it could lead
// anywhere, a private network included), the call has a time limit, and every way of not getting
// an answer reads the same: telling "refused" from "timed out" would tell a closed port from an
// open one.
import { isAllowedLocal } from "./local-origins";
import { urlRefusal } from "./public-url";

/** The default time limit of one call. */
export const OUTBOUND_TIMEOUT_MS = 10_000;

/** Why a call got no usable answer; the message is safe to store and show (no URL, no secret). */
export class OutboundError extends Error {
  override name = "OutboundError";
  constructor(
    message: string,
    /** The HTTP status of a redirect that was not followed; null when nothing answered. */
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export const noAnswer = (timeoutMs: number) => `no answer (connection failed or no response within ${timeoutMs} ms)`;

/**
 * Calls `url` with `init`, and returns the response when one came that is not a redirect.
 * Throws OutboundError for a refused URL, a redirect, a network failure or the time limit.
 */
export async function safeFetch(
  url: string,
  init: Omit<RequestInit, "redirect" | "signal">,
  timeoutMs = OUTBOUND_TIMEOUT_MS,
  /** Development only (local-origins.ts): loopback origins a local fake shop listens on. */
  localOrigins: ReadonlySet<string> = new Set(),
): Promise<Response> {
  const refusal = isAllowedLocal(localOrigins, url) ? null : urlRefusal(url);
  if (refusal) throw new OutboundError(`address refused (${refusal})`);
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw new OutboundError(noAnswer(timeoutMs));
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => undefined);
    throw new OutboundError(`redirect (${response.status}) not followed`, response.status);
  }
  return response;
}
