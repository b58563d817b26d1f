// One entry for every platform: the stored delivery's body and topic to what it means.
import type { ConnectionPlatform } from "../../connections/connections.schema";
import { mapGeneric } from "./generic";
import { MappingError, type Mapped } from "./mapped";
import { mapShopify } from "./shopify";
import { mapWooCommerce } from "./woocommerce";

export function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new MappingError("(body): not valid JSON");
  }
}

export function mapDelivery(platform: ConnectionPlatform, topic: string | null, body: string, connectionId: string): Mapped {
  const payload = parseBody(body);
  if (platform === "woocommerce") return mapWooCommerce(topic, payload, connectionId);
  if (platform === "shopify") return mapShopify(topic, payload, connectionId);
  return mapGeneric(payload, connectionId);
}
