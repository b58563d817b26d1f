// The WooCommerce REST API (v3), as documented at developer.woocommerce.com/docs/apis/rest-api:
// HTTP Basic authentication with the consumer key and secret over https; lists take `page` and
// `per_page` (at most 100) and answer with the headers X-WP-Total and X-WP-TotalPages; a webhook
// is created with POST /webhooks {name, topic, delivery_url, secret, status} (201, the webhook
// with its `id`) and deleted with DELETE /webhooks/<id>?force=true.
import type { ShopApi, ShopPage } from "./shop-api";
import { readJson } from "./read-json";
import { ShopApiError, shopRequest, type RetryPolicy } from "./shop-request";

export interface WooCredentials {
  consumerKey: string;
  consumerSecret: string;
}

const PATHS = { customers: "customers", orders: "orders" } as const;
export const WOO_MAX_PER_PAGE = 100;

const headerNumber = (response: Response, name: string) => {
  const value = Number(response.headers.get(name));
  return response.headers.has(name) && Number.isSafeInteger(value) && value >= 0 ? value : null;
};

export function wooCommerceApi(shopUrl: string, credentials: WooCredentials, policy: RetryPolicy): ShopApi {
  const base = `${shopUrl.replace(/\/+$/, "")}/wp-json/wc/v3`;
  const headers = { authorization: `Basic ${btoa(`${credentials.consumerKey}:${credentials.consumerSecret}`)}` };
  const call = (method: "GET" | "POST" | "DELETE", path: string, body?: unknown) => shopRequest({ method, url: `${base}/${path}`, headers, body }, policy);

  return {
    recordTopic: { customers: "customer.updated", orders: "order.updated" },
    async verify() {
      // Listing webhooks needs the same rights as creating them; a read-only key still lists, so
      // creation itself is the final check (a 401 there is reported as a read-only key).
      await (await call("GET", "webhooks?per_page=1")).body?.cancel();
    },
    async createWebhook(topic, deliveryUrl, secret) {
      const response = await call("POST", "webhooks", { name: `Edge CRM: ${topic}`, topic, delivery_url: deliveryUrl, secret, status: "active" });
      const created = (await readJson(response)) as { id?: unknown } | null;
      if (typeof created?.id !== "number" && typeof created?.id !== "string") throw new ShopApiError("failed", "the shop did not say which webhook it created");
      return String(created.id);
    },
    async deleteWebhook(id) {
      try {
        await (await call("DELETE", `webhooks/${encodeURIComponent(id)}?force=true`)).body?.cancel();
      } catch (error) {
        if (!(error instanceof ShopApiError && error.status === 404)) throw error;
      }
    },
    async page(phase, cursor, size): Promise<ShopPage> {
      const page = cursor === null ? 1 : Number(cursor);
      const perPage = Math.min(WOO_MAX_PER_PAGE, Math.max(1, size));
      // Oldest first, so a page already read keeps its records while new ones arrive at the end.
      const response = await call("GET", `${PATHS[phase]}?page=${page}&per_page=${perPage}&orderby=id&order=asc`);
      const records = await readJson(response);
      if (!Array.isArray(records)) throw new ShopApiError("failed", "the shop's list is not a JSON array");
      const totalPages = headerNumber(response, "x-wp-totalpages");
      const more = totalPages !== null ? page < totalPages : records.length === perPage;
      return { records, next: more ? String(page + 1) : null, totalPages, total: headerNumber(response, "x-wp-total") };
    },
  };
}
