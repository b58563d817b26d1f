// The Shopify REST Admin API, as documented at shopify.dev/docs/api/admin-rest: a custom app's
// Admin API access token in X-Shopify-Access-Token; lists take `limit` (at most 250) and give the
// next page as a full URL in the Link header (rel="next", with page_info); a webhook is created
// with POST /webhooks.json {webhook: {topic, address, format}} (201, {webhook: {id, ...}}) and
// deleted with DELETE /webhooks/<id>.json. Shopify signs deliveries with the app's API secret key.
import type { ShopApi, ShopPage } from "./shop-api";
import { readJson } from "./read-json";
import { ShopApiError, shopRequest, type RetryPolicy } from "./shop-request";

export interface ShopifyCredentials {
  accessToken: string;
}

export const SHOPIFY_API_VERSION = "2025-07";
export const SHOPIFY_MAX_LIMIT = 250;
const LISTS = { customers: "customers.json?", orders: "orders.json?status=any&" } as const;

/** The rel="next" URL of a Link header, if any. */
export function nextLink(link: string | null): string | null {
  for (const part of (link ?? "").split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1]!;
  }
  return null;
}

export function shopifyApi(shopUrl: string, credentials: ShopifyCredentials, policy: RetryPolicy): ShopApi {
  const origin = new URL(shopUrl).origin;
  const base = `${origin}/admin/api/${SHOPIFY_API_VERSION}`;
  const headers = { "x-shopify-access-token": credentials.accessToken };
  const call = (method: "GET" | "POST" | "DELETE", url: string, body?: unknown) => shopRequest({ method, url, headers, body }, policy);

  return {
    recordTopic: { customers: "customers/update", orders: "orders/updated" },
    async verify() {
      await (await call("GET", `${base}/shop.json`)).body?.cancel();
    },
    async createWebhook(topic, deliveryUrl) {
      // Shopify signs with the app's API secret key; it takes no secret per webhook.
      const response = await call("POST", `${base}/webhooks.json`, { webhook: { topic, address: deliveryUrl, format: "json" } });
      const created = (await readJson(response)) as { webhook?: { id?: unknown } } | null;
      const id = created?.webhook?.id;
      if (typeof id !== "number" && typeof id !== "string") throw new ShopApiError("failed", "the shop did not say which webhook it created");
      return String(id);
    },
    async deleteWebhook(id) {
      try {
        await (await call("DELETE", `${base}/webhooks/${encodeURIComponent(id)}.json`)).body?.cancel();
      } catch (error) {
        if (!(error instanceof ShopApiError && error.status === 404)) throw error;
      }
    },
    async page(phase, cursor, size): Promise<ShopPage> {
      // A next-page URL is followed only on the shop's own origin: a Link header cannot send the
      // token anywhere else.
      if (cursor !== null && (!URL.canParse(cursor) || new URL(cursor).origin !== origin)) throw new ShopApiError("failed", "the shop's next-page link leaves the shop");
      const url = cursor ?? `${base}/${LISTS[phase]}limit=${Math.min(SHOPIFY_MAX_LIMIT, Math.max(1, size))}`;
      const response = await call("GET", url);
      const body = (await readJson(response)) as Record<string, unknown> | null;
      const records = body?.[phase];
      if (!Array.isArray(records)) throw new ShopApiError("failed", `the shop's answer has no ${phase} list`);
      return { records, next: nextLink(response.headers.get("link")), totalPages: null, total: null };
    },
  };
}
