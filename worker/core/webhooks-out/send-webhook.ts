// One delivery attempt over the network: the URL is checked again (it may have been saved before
// a rule tightened, or the check itself may have changed), the signed POST is sent without
// following redirects and with a time limit, and the response is judged.
import type { StoredEvent } from "../events/stored-event";
import { urlRefusal } from "./public-url";
import { signedMessage } from "./signing";
import type { AttemptResult } from "./webhook-attempts.repository";

function judge(status: number): Pick<AttemptResult, "error" | "outcome"> {
  if (status >= 200 && status < 300) return { error: null, outcome: "delivered" };
  if (status === 410) return { error: "gone (410)", outcome: "gone" };
  // A redirect could lead anywhere, including inside a private network: it is not followed.
  if (status >= 300 && status < 400) return { error: `redirect (${status}) not followed`, outcome: "retry" };
  return { error: `HTTP ${status}`, outcome: "retry" };
}

export async function sendWebhook(target: { url: string; secret: string }, event: StoredEvent, timeoutMs: number): Promise<AttemptResult> {
  const refusal = urlRefusal(target.url);
  if (refusal) return { statusCode: null, durationMs: 0, error: `address refused (${refusal})`, outcome: "retry" };
  const started = Date.now();
  const message = await signedMessage(target.secret, event, started);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(target.url, { method: "POST", headers: message.headers, body: message.body, redirect: "manual", signal });
    // The receiver's answer is not needed beyond its status; release the connection.
    await response.body?.cancel().catch(() => undefined);
    return { statusCode: response.status, durationMs: Date.now() - started, ...judge(response.status) };
  } catch (error) {
    const reason = signal.aborted ? `timed out after ${timeoutMs} ms` : `network error: ${error instanceof Error ? error.message : String(error)}`;
    return { statusCode: null, durationMs: Date.now() - started, error: reason.slice(0, 500), outcome: "retry" };
  }
}
