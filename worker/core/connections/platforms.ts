// What each shop platform is told to subscribe to, and the address it posts to.
import type { Context } from "hono";
import type { ConnectionPlatform } from "./connections.schema";

/** The topics the CRM reads; anything else a shop sends is stored and listed as rejected. */
export const PLATFORM_TOPICS: Record<ConnectionPlatform, readonly string[]> = {
  woocommerce: ["order.created", "order.updated", "order.deleted", "order.restored", "customer.created", "customer.updated"],
  shopify: ["orders/create", "orders/paid", "orders/updated", "refunds/create", "customers/create", "customers/update"],
  generic: ["order.upserted", "customer.upserted"],
};

/** The absolute webhook URL: APP_URL when set, otherwise the origin the request came to. */
export function webhookUrl(c: Context, platform: ConnectionPlatform, connectionId: string): string {
  const base = (c.env.APP_URL || new URL(c.req.url).origin).replace(/\/+$/, "");
  return `${base}/webhooks/${platform}/${connectionId}`;
}
