// One delivery attempt over the network: the signed POST goes through safeFetch (the URL checked
// again, no redirect followed, a time limit, one text for every failure to get an answer), and
// the response is judged.
import type { StoredEvent } from "../events/stored-event";
import { OutboundError, safeFetch } from "../outbound/safe-fetch";
import { signedMessage } from "./signing";
import type { AttemptResult } from "./webhook-attempts.repository";

function judge(status: number): Pick<AttemptResult, "error" | "outcome"> {
  if (status >= 200 && status < 300) return { error: null, outcome: "delivered" };
  if (status === 410) return { error: "gone (410)", outcome: "gone" };
  return { error: `HTTP ${status}`, outcome: "retry" };
}

export async function sendWebhook(target: { url: string; secret: string }, event: StoredEvent, timeoutMs: number): Promise<AttemptResult> {
  const started = Date.now();
  const message = await signedMessage(target.secret, event, started);
  try {
    const response = await safeFetch(target.url, { method: "POST", headers: message.headers, body: message.body }, timeoutMs);
    // The receiver's answer is not needed beyond its status; release the connection.
    await response.body?.cancel().catch(() => undefined);
    return { statusCode: response.status, durationMs: Date.now() - started, ...judge(response.status) };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    const durationMs = error.message.startsWith("address refused") ? 0 : Date.now() - started;
    return { statusCode: error.status, durationMs, error: error.message, outcome: "retry" };
  }
}
