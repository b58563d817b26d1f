// Outgoing webhooks a plugin calls (a flow's "call a webhook" step): the URL must pass core's
// public-URL rules (https, a public host, no credentials, usual ports) when saved and again when
// called (safeFetch: no redirect followed, a time limit), and the POST is signed the Standard
// Webhooks way, as core's own webhooks are. Signing secrets are kept sealed at rest.
import { OutboundError, safeFetch } from "../core/outbound/safe-fetch";
import { urlRefusal } from "../core/outbound/public-url";
import { secretBox } from "../core/secrets/secret-box";
import { newSigningSecret, signedMessage } from "../core/webhooks-out/signing";
import type { PluginContext } from "./types";

export { newSigningSecret };

/** Null when the Worker may call the URL, else why not (`url_https_required`, `url_private_host`, …). */
export const webhookUrlRefusal = (url: string): string | null => urlRefusal(url);

/** A secret as it may be stored (sealed under the Worker's key). */
export async function sealSecret(ctx: PluginContext<unknown>, plain: string): Promise<string> {
  return (await secretBox(ctx.env)).seal(plain);
}

/** A stored secret opened again. */
export async function openSecret(ctx: PluginContext<unknown>, stored: string): Promise<string> {
  return (await secretBox(ctx.env)).open(stored);
}

export interface WebhookCall {
  url: string;
  /** A `whsec_…` secret (newSigningSecret). */
  secret: string;
  /** The same id for every try of one call, so the receiver can drop a repeat. */
  id: string;
  type: string;
  data: Record<string, unknown>;
}

export interface WebhookAnswer {
  delivered: boolean;
  /** The receiver's HTTP status; null when nothing usable answered. */
  status: number | null;
  /** Why it was not delivered (safe to store and show: no URL, no secret). */
  error: string | null;
  /** The URL was refused outright: trying again will not help. */
  refused: boolean;
}

/** One signed POST of `{ type, timestamp, data }`; never throws for the receiver's failures. */
export async function callWebhook(ctx: PluginContext<unknown>, call: WebhookCall): Promise<WebhookAnswer> {
  const at = ctx.now();
  const message = await signedMessage(call.secret, { id: call.id, workspaceId: ctx.workspaceId, name: call.type, payload: call.data, actorUserId: null, createdAt: at }, Date.now());
  try {
    const response = await safeFetch(call.url, { method: "POST", headers: message.headers, body: message.body });
    await response.body?.cancel().catch(() => undefined);
    const delivered = response.status >= 200 && response.status < 300;
    return { delivered, status: response.status, error: delivered ? null : `HTTP ${response.status}`, refused: false };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    return { delivered: false, status: error.status, error: error.message, refused: error.message.startsWith("address refused") };
  }
}
