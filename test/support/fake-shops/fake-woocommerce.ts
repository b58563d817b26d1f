// An in-process WooCommerce shop speaking the REST API v3 as documented at
// developer.woocommerce.com/docs/apis/rest-api (v3): "Authentication" (HTTP Basic with the consumer
// key and secret over https; a wrong key is 401 woocommerce_rest_authentication_error), "Pagination"
// (`page`, `per_page` up to 100, headers X-WP-Total, X-WP-TotalPages and Link), "Webhooks" (POST
// /webhooks answers 201 with the webhook: id, name, status, topic, resource, event, hooks,
// delivery_url, date_created...; DELETE /webhooks/<id>?force=true answers the deleted webhook,
// 404 woocommerce_rest_shop_webhook_invalid_id for an unknown one). It can also answer 429 with
// Retry-After, as a host's rate limiter in front of WordPress does. Plain Request → Response, so
// the workers tests call it through a mocked fetch and the browser tests serve it over HTTP.
import { wooCustomer, wooOrder } from "../../../worker/core/webhooks-in/fixtures/woocommerce";

export interface FakeWebhook {
  id: number;
  name: string;
  status: string;
  topic: string;
  delivery_url: string;
  secret: string;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=UTF-8", ...headers } });

const wpError = (code: string, message: string, status: number) => json({ code, message, data: { status } }, status);

export class FakeWooCommerce {
  customers: Array<Record<string, unknown>> = [];
  orders: Array<Record<string, unknown>> = [];
  readonly webhooks = new Map<number, FakeWebhook>();
  /** Every request, as method and path with query (never the authorization header). */
  readonly requests: string[] = [];
  consumerKey = "ck_fake0000000000000000000000000000000000001";
  consumerSecret = "cs_fake0000000000000000000000000000000000001";
  /** A key with Read permissions only: lists work, creating a webhook is 401. */
  readOnly = false;
  private throttled: number[] = [];
  private nextWebhookId = 100;

  constructor(readonly origin = "https://shop.example.ir") {}

  /** `count` customers and, for each order i, an order of customer i % customers (numbered from 1). */
  seed(customers: number, orders: number): this {
    this.customers = Array.from({ length: customers }, (_, i) =>
      wooCustomer({
        id: i + 1,
        email: `buyer${i + 1}@example.com`,
        first_name: `Buyer`,
        last_name: `${i + 1}`,
        billing: { first_name: "Buyer", last_name: `${i + 1}`, email: `buyer${i + 1}@example.com`, phone: `0912${String(1_000_000 + i + 1).slice(-7)}`, country: "IR" },
      }),
    );
    this.orders = Array.from({ length: orders }, (_, i) => this.order(i + 1, customers === 0 ? 0 : (i % customers) + 1));
    return this;
  }

  /** Order `id` of customer `customerId` (0: a guest), paid, 100,000 toman and up. */
  order(id: number, customerId: number, overrides: Record<string, unknown> = {}) {
    const customer = this.customers[customerId - 1] as { billing: Record<string, unknown> } | undefined;
    const day = new Date(Date.UTC(2025, 0, 1) + id * 3_600_000).toISOString().slice(0, 19);
    return wooOrder({
      id,
      number: String(id),
      customer_id: customerId,
      total: String(100_000 + id),
      discount_total: "0",
      shipping_total: "0",
      date_created_gmt: day,
      date_modified_gmt: day,
      date_paid_gmt: day,
      billing: customer?.billing ?? { first_name: "Guest", last_name: `${id}`, email: `guest${id}@example.com`, phone: "", country: "IR" },
      line_items: [{ id: id * 10, name: "کتاب", product_id: 1, quantity: 1, subtotal: String(100_000 + id), total: String(100_000 + id), sku: "BOOK", price: 100_000 + id }],
      ...overrides,
    });
  }

  /** The next `times` requests answer 429 with `Retry-After: seconds`. */
  throttle(times: number, seconds: number): void {
    this.throttled.push(...Array.from({ length: times }, () => seconds));
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    this.requests.push(`${request.method} ${url.pathname}${url.search}`);
    const wait = this.throttled.shift();
    if (wait !== undefined) return withRetryAfter(wpError("too_many_requests", "Too many requests.", 429), wait);
    if (!url.pathname.startsWith("/wp-json/wc/v3/")) return new Response("<html>Not a WooCommerce endpoint</html>", { status: 404, headers: { "content-type": "text/html" } });
    if (!this.authorized(request)) return wpError("woocommerce_rest_authentication_error", "Consumer key is invalid.", 401);
    const path = url.pathname.slice("/wp-json/wc/v3/".length).replace(/\/$/, "");
    if (request.method === "GET" && (path === "orders" || path === "customers")) return this.list(path === "orders" ? this.orders : this.customers, url);
    if (request.method === "GET" && path === "webhooks") return this.list([...this.webhooks.values()].map((hook) => this.present(hook)), url);
    if (request.method === "POST" && path === "webhooks") return this.createWebhook(await request.json());
    const webhook = /^webhooks\/(\d+)$/.exec(path);
    if (webhook && request.method === "DELETE") {
      if (this.readOnly) return wpError("woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource.", 401);
      const hook = this.webhooks.get(Number(webhook[1]));
      if (!hook) return wpError("woocommerce_rest_shop_webhook_invalid_id", "Invalid ID.", 404);
      if (url.searchParams.get("force") !== "true") return wpError("woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.", 501);
      this.webhooks.delete(hook.id);
      return json(this.present(hook));
    }
    return wpError("rest_no_route", "No route was found matching the URL and request method.", 404);
  }

  private authorized(request: Request): boolean {
    const header = request.headers.get("authorization") ?? "";
    if (!header.startsWith("Basic ")) return false;
    return atob(header.slice(6)) === `${this.consumerKey}:${this.consumerSecret}`;
  }

  private list(records: unknown[], url: URL): Response {
    const perPage = Number(url.searchParams.get("per_page") ?? 10);
    const page = Number(url.searchParams.get("page") ?? 1);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return wpError("rest_invalid_param", "Invalid parameter(s): per_page", 400);
    const totalPages = Math.ceil(records.length / perPage);
    const slice = records.slice((page - 1) * perPage, page * perPage);
    const link = (n: number) => `<${this.origin}${url.pathname}?page=${n}&per_page=${perPage}>`;
    const links = [page > 1 ? `${link(page - 1)}; rel="prev"` : null, page < totalPages ? `${link(page + 1)}; rel="next"` : null].filter(Boolean).join(", ");
    return json(slice, 200, { "x-wp-total": String(records.length), "x-wp-totalpages": String(totalPages), ...(links ? { link: links } : {}) });
  }

  private createWebhook(body: Record<string, unknown>): Response {
    if (this.readOnly) return wpError("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.", 401);
    if (typeof body.topic !== "string" || typeof body.delivery_url !== "string") return wpError("rest_missing_callback_param", "Missing parameter(s): topic, delivery_url", 400);
    const hook: FakeWebhook = {
      id: this.nextWebhookId++,
      name: String(body.name ?? ""),
      status: String(body.status ?? "active"),
      topic: body.topic,
      delivery_url: body.delivery_url,
      secret: String(body.secret ?? ""),
    };
    this.webhooks.set(hook.id, hook);
    return json(this.present(hook), 201);
  }

  /** A webhook as the API shows it (the secret is not shown back, as in WooCommerce). */
  private present(hook: FakeWebhook) {
    const [resource, event] = hook.topic.split(".");
    return {
      id: hook.id,
      name: hook.name,
      status: hook.status,
      topic: hook.topic,
      resource,
      event,
      hooks: [`woocommerce_${event}_${resource}`],
      delivery_url: hook.delivery_url,
      date_created: "2025-03-11T19:55:00",
      date_created_gmt: "2025-03-11T16:25:00",
      date_modified: "2025-03-11T19:55:00",
      date_modified_gmt: "2025-03-11T16:25:00",
    };
  }
}

function withRetryAfter(response: Response, seconds: number): Response {
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(seconds));
  return new Response(response.body, { status: response.status, headers });
}
