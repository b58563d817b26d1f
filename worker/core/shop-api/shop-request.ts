// One call to a shop's REST API, made the safe way (safeFetch: public https hosts only, no
// redirects, a time limit) and patiently: a 429 or a 5xx is tried again after the shop's
// Retry-After, or with a growing back-off when it gives none. A wait longer than the caller can
// afford is not slept through: it is thrown as "busy" with the seconds to wait, so a queue job can
// come back later instead of holding an invocation. Errors never carry a URL or a credential.
import { OutboundError, safeFetch } from "../outbound/safe-fetch";

export type ShopApiFailure = "unauthorized" | "unreachable" | "busy" | "failed";

export class ShopApiError extends Error {
  override name = "ShopApiError";
  constructor(
    readonly failure: ShopApiFailure,
    message: string,
    readonly status: number | null = null,
    /** For "busy": how long the shop asked to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export interface ShopCall {
  method: "GET" | "POST" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface RetryPolicy {
  /** Calls made at most (the first and the retries). */
  attempts: number;
  /** The longest wait slept through between two calls; a longer one is thrown as "busy". */
  maxWaitMs: number;
  /** Per-call time limit. */
  timeoutMs: number;
  /** How to wait (tests record the waits instead of spending them). */
  sleep: (ms: number) => Promise<void>;
  /** Development only: loopback origins a local fake shop listens on (outbound/local-origins.ts). */
  localOrigins: ReadonlySet<string>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  maxWaitMs: 5_000,
  timeoutMs: 15_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  localOrigins: new Set(),
};

const BACKOFF_MS = [500, 1_000, 2_000, 4_000];

/** Retry-After as milliseconds: delta-seconds ("2", Shopify's "2.0") or an HTTP date. */
export function retryAfterMs(value: string | null, at = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - at);
}

export async function shopRequest(call: ShopCall, policy: RetryPolicy = DEFAULT_RETRY): Promise<Response> {
  let lastFailure: ShopApiError | null = null;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    let response: Response;
    try {
      const body = call.body === undefined ? undefined : JSON.stringify(call.body);
      const headers = { accept: "application/json", ...(body ? { "content-type": "application/json" } : {}), ...call.headers };
      response = await safeFetch(call.url, { method: call.method, headers, body }, policy.timeoutMs, policy.localOrigins);
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      if (error.message.startsWith("address refused") || error.status !== null) throw new ShopApiError("unreachable", error.message, error.status);
      lastFailure = new ShopApiError("unreachable", error.message);
      if (attempt + 1 < policy.attempts) await policy.sleep(BACKOFF_MS[attempt] ?? 4_000);
      continue;
    }
    if (response.ok) return response;
    const status = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (status === 401 || status === 403) throw new ShopApiError("unauthorized", `the shop refused the credentials (${status})`, status);
    if (status !== 429 && status < 500) throw new ShopApiError("failed", `the shop answered ${status}`, status);
    const wait = retryAfterMs(response.headers.get("retry-after")) ?? BACKOFF_MS[attempt] ?? 4_000;
    lastFailure = new ShopApiError(status === 429 ? "busy" : "failed", `the shop answered ${status}`, status, Math.ceil(wait / 1000));
    if (wait > policy.maxWaitMs) throw new ShopApiError("busy", `the shop asked to wait ${Math.ceil(wait / 1000)} s (${status})`, status, Math.ceil(wait / 1000));
    if (attempt + 1 < policy.attempts) await policy.sleep(wait);
  }
  throw lastFailure ?? new ShopApiError("failed", "no answer");
}
