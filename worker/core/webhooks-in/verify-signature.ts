// Is this raw body from the shop? Checked on the bytes as they arrived, before anything parses
// them, with WebCrypto's HMAC verify (a constant-time comparison):
//   woocommerce  X-WC-Webhook-Signature: base64 HMAC-SHA256 of the body, keyed with the secret
//   shopify      X-Shopify-Hmac-Sha256:  the same
//   generic      Standard Webhooks: webhook-signature "v1,<base64>" (space-separated, any may
//                match) over "{webhook-id}.{webhook-timestamp}.{body}", keyed with the bytes of the
//                whsec_ secret, and a webhook-timestamp within the tolerance of now.
import type { ConnectionPlatform } from "../connections/connections.schema";

/** How far a Standard Webhooks timestamp may be from now (the libraries' default). */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

const encoder = new TextEncoder();

function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text.trim()), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

async function hmacMatches(keyBytes: Uint8Array, signature: Uint8Array, content: Uint8Array): Promise<boolean> {
  const key = await crypto.subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  return crypto.subtle.verify("HMAC", key, signature, content);
}

function joined(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The bytes a whsec_ secret stands for (a bare base64 secret is accepted too). */
export function standardSecretBytes(secret: string): Uint8Array | null {
  return fromBase64(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret);
}

export async function verifySignature(
  platform: ConnectionPlatform,
  secret: string,
  headers: Headers,
  body: Uint8Array,
  nowMs = Date.now(),
): Promise<boolean> {
  if (platform === "generic") return verifyStandard(secret, headers, body, nowMs);
  const header = headers.get(platform === "woocommerce" ? "x-wc-webhook-signature" : "x-shopify-hmac-sha256");
  const signature = header ? fromBase64(header) : null;
  if (!signature || signature.length !== 32) return false;
  return hmacMatches(encoder.encode(secret), signature, body);
}

async function verifyStandard(secret: string, headers: Headers, body: Uint8Array, nowMs: number): Promise<boolean> {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signatures = headers.get("webhook-signature");
  const key = standardSecretBytes(secret);
  if (!id || !timestamp || !signatures || !key || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return false;
  const content = joined(encoder.encode(`${id}.${timestamp}.`), body);
  for (const entry of signatures.split(" ")) {
    const [version, value] = entry.split(",", 2);
    const signature = version === "v1" && value ? fromBase64(value) : null;
    if (signature && signature.length === 32 && (await hmacMatches(key, signature, content))) return true;
  }
  return false;
}
