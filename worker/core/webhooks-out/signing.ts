// Standard Webhooks signing (https://www.standardwebhooks.com), with WebCrypto: the secret is
// `whsec_` + base64 of random bytes; the signature is the base64 HMAC-SHA256, keyed with those
// bytes, of "{webhook-id}.{webhook-timestamp}.{body}", sent as "v1,<signature>". Any receiver
// with a Standard Webhooks library can verify what we send.
import type { StoredEvent } from "../events/stored-event";

const SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

export function newSigningSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

async function signature(secret: string, content: string): Promise<string> {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error("not a whsec_ signing secret");
  const key = await crypto.subtle.importKey("raw", fromBase64(secret.slice(SECRET_PREFIX.length)), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(content))));
}

export interface SignedMessage {
  headers: Record<string, string>;
  body: string;
}

/**
 * The request for one delivery attempt. The id is the event's, so a receiver can drop a retry it
 * has already handled; the timestamp is the attempt's, so a receiver can refuse old replays.
 */
export async function signedMessage(secret: string, event: StoredEvent, sentAtMs: number): Promise<SignedMessage> {
  const body = JSON.stringify({ type: event.name, timestamp: new Date(event.createdAt).toISOString(), data: event.payload });
  return signedBody(secret, event.id, body, sentAtMs);
}

/** Any body signed per Standard Webhooks under the message id `id`. */
export async function signedBody(secret: string, id: string, body: string, sentAtMs: number): Promise<SignedMessage> {
  const timestamp = Math.floor(sentAtMs / 1000);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "edge-crm-webhooks/1",
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": `v1,${await signature(secret, `${id}.${timestamp}.${body}`)}`,
    },
  };
}
