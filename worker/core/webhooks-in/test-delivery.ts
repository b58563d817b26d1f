// "Send a test": a sample delivery in the platform's own format (its topic header, its signature
// header, its delivery-id header), signed with the connection's secret. Its topic is one no shop
// sends, so processing recognises it and records nothing: no test customer, no test order.
import type { ConnectionPlatform } from "../connections/connections.schema";
import { newId } from "../data/ids";
import { signedBody, type SignedMessage } from "../webhooks-out/signing";

export const TEST_TOPIC: Record<ConnectionPlatform, string> = {
  woocommerce: "edge_crm.test",
  shopify: "edge_crm/test",
  generic: "edge_crm.test",
};

export const TEST_DELIVERY_REASON = "test delivery: received, signature verified and processed; nothing recorded";

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

async function hmacBase64(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body))));
}

export async function testDelivery(platform: ConnectionPlatform, secret: string, at: number): Promise<SignedMessage> {
  const id = newId("test", at);
  const body = JSON.stringify({ type: TEST_TOPIC[platform], test: true, sentAt: new Date(at).toISOString() });
  if (platform === "generic") return signedBody(secret, id, body, at);
  const signature = await hmacBase64(secret, body);
  const headers: Record<string, string> =
    platform === "woocommerce"
      ? { "x-wc-webhook-topic": TEST_TOPIC.woocommerce, "x-wc-webhook-delivery-id": id, "x-wc-webhook-signature": signature }
      : { "x-shopify-topic": TEST_TOPIC.shopify, "x-shopify-webhook-id": id, "x-shopify-hmac-sha256": signature };
  return { body, headers: { "content-type": "application/json", "user-agent": "edge-crm-test/1", ...headers } };
}
