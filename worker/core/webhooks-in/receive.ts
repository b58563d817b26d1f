// What the receiver reads from a delivery before storing it: the shop's delivery id and topic,
// the headers worth keeping (never the signature), and whether it is WooCommerce's ping.
import type { ConnectionPlatform } from "../connections/connections.schema";

const KEPT_HEADERS: Record<ConnectionPlatform, string[]> = {
  woocommerce: ["x-wc-webhook-topic", "x-wc-webhook-resource", "x-wc-webhook-event", "x-wc-webhook-id", "x-wc-webhook-delivery-id", "x-wc-webhook-source"],
  shopify: ["x-shopify-topic", "x-shopify-webhook-id", "x-shopify-event-id", "x-shopify-shop-domain", "x-shopify-api-version", "x-shopify-triggered-at"],
  generic: ["webhook-id", "webhook-timestamp"],
};

const DELIVERY_ID_HEADER: Record<ConnectionPlatform, string> = {
  woocommerce: "x-wc-webhook-delivery-id",
  shopify: "x-shopify-webhook-id",
  generic: "webhook-id",
};

export function keptHeaders(platform: ConnectionPlatform, headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of [...KEPT_HEADERS[platform], "content-type", "user-agent"]) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 300);
  }
  return kept;
}

/**
 * The key a redelivery is recognised by: the shop's delivery id; without one, a digest of the body.
 * WooCommerce's id is a hash of the webhook id and the current second, so two different events of
 * one webhook within a second share it: there the body's digest is part of the key.
 */
export async function deliveryIdOf(platform: ConnectionPlatform, headers: Headers, body: Uint8Array): Promise<string> {
  const id = headers.get(DELIVERY_ID_HEADER[platform])?.trim();
  const digest = async () => [...new Uint8Array(await crypto.subtle.digest("SHA-256", body))].map((b) => b.toString(16).padStart(2, "0")).join("");
  if (!id) return `sha256:${await digest()}`;
  if (platform === "woocommerce") return `${id.slice(0, 120)}:${(await digest()).slice(0, 32)}`;
  return id.slice(0, 200);
}

/** The topic: a header for the shops; the signed body's `type` for generic (read only after verifying). */
export function topicOf(platform: ConnectionPlatform, headers: Headers, body: string): string | null {
  if (platform === "woocommerce") return headers.get("x-wc-webhook-topic")?.slice(0, 100) ?? null;
  if (platform === "shopify") return headers.get("x-shopify-topic")?.slice(0, 100) ?? null;
  try {
    const type = (JSON.parse(body) as { type?: unknown })?.type;
    return typeof type === "string" ? type.slice(0, 100) : null;
  } catch {
    return null;
  }
}

/** WooCommerce's test ping when a webhook is saved: `webhook_id=<id>`, form-encoded, unsigned. */
export function isWooPing(headers: Headers, body: Uint8Array): boolean {
  if (headers.has("x-wc-webhook-signature") || body.length > 100) return false;
  return /^webhook_id=\d+$/.test(new TextDecoder().decode(body).trim());
}
