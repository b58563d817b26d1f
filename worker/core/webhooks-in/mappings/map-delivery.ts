// One entry for every platform: the stored delivery's body and topic to what it means.
import type { ConnectionPlatform } from "../../connections/connections.schema";
import { mapGeneric } from "./generic";
import { MappingError, type Mapped } from "./mapped";
import { mapShopify } from "./shopify";
import { mapWooCommerce } from "./woocommerce";
import { TEST_DELIVERY_REASON, TEST_TOPIC } from "../test-delivery";

/**
 * The JSON of a delivery, with every integer beyond 2^53 kept as its exact digits (a string):
 * Shopify's ids are 64-bit (its own sample order is 820982911946154508), and a JSON number would
 * round them to a neighbouring id. The reviver reads the number's source text, which the runtime
 * passes as its third argument (JSON.parse source text access).
 */
export function parseBody(body: string): unknown {
  try {
    return JSON.parse(body, exactBigIntegers);
  } catch {
    throw new MappingError("(body): not valid JSON");
  }
}

function exactBigIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value !== "number" || Number.isSafeInteger(value) || !context?.source) return value;
  return /^-?\d+$/.test(context.source) ? context.source : value;
}

export function mapDelivery(platform: ConnectionPlatform, topic: string | null, body: string, connectionId: string): Mapped {
  const payload = parseBody(body);
  // "Send a test": verified, stored and processed like any delivery, and nothing recorded.
  if (topic === TEST_TOPIC[platform]) return { kind: "ignored", reason: TEST_DELIVERY_REASON };
  if (platform === "woocommerce") return mapWooCommerce(topic, payload, connectionId);
  if (platform === "shopify") return mapShopify(topic, payload, connectionId);
  return mapGeneric(payload, connectionId);
}
