// An in-process Shopify shop speaking the REST Admin API as documented at shopify.dev:
// "Authentication" (a custom app's token in X-Shopify-Access-Token; a wrong one is 401
// {"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}),
// "Make paginated requests to the REST Admin API" (`limit` up to 250; the next page as a full URL
// with page_info in the Link header, rel="next"; no Link on the last page), "Webhook" (POST
// /webhooks.json {webhook: {topic, address, format}} answers 201 {webhook: {id, address, topic,
// created_at, updated_at, format, fields, metafield_namespaces, api_version}}; DELETE
// /webhooks/<id>.json answers 200 {}), and "REST Admin API rate limits" (429 with Retry-After).
import { shopifyOrder } from "../../../worker/core/webhooks-in/fixtures/shopify";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

export class FakeShopify {
  customers: Array<Record<string, unknown>> = [];
  orders: Array<Record<string, unknown>> = [];
  readonly webhooks = new Map<number, { id: number; topic: string; address: string }>();
  readonly requests: string[] = [];
  accessToken = "shpat_fake00000000000000000000000001";
  private throttled: number[] = [];
  private nextWebhookId = 1_000_000_000_001;

  constructor(readonly origin = "https://fake-shop.myshopify.com") {}

  seed(customers: number, orders: number): this {
    this.customers = Array.from({ length: customers }, (_, i) => ({ id: 7_000_000_000_000 + i + 1, email: `sbuyer${i + 1}@example.com`, phone: `+98935${String(1_000_000 + i + 1).slice(-7)}`, first_name: "Buyer", last_name: `${i + 1}` }));
    this.orders = Array.from({ length: orders }, (_, i) => {
      const customer = this.customers[i % Math.max(1, customers)];
      return shopifyOrder({ id: 5_000_000_000_000 + i + 1, name: `#${1001 + i}`, order_number: 1001 + i, customer: customer ?? null, email: customer?.email ?? `guest${i}@example.com`, refunds: [] });
    });
    return this;
  }

  throttle(times: number, seconds: number): void {
    this.throttled.push(...Array.from({ length: times }, () => seconds));
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    this.requests.push(`${request.method} ${url.pathname}${url.search}`);
    const wait = this.throttled.shift();
    if (wait !== undefined) return json({ errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." }, 429, { "retry-after": `${wait}.0` });
    const match = /^\/admin\/api\/\d{4}-\d{2}\/(.+)$/.exec(url.pathname);
    if (!match) return new Response("Not Found", { status: 404 });
    if (request.headers.get("x-shopify-access-token") !== this.accessToken) return json({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" }, 401);
    const path = match[1]!;
    if (request.method === "GET" && path === "shop.json") return json({ shop: { id: 548380009, name: "Fake shop", myshopify_domain: new URL(this.origin).host } });
    if (request.method === "GET" && (path === "customers.json" || path === "orders.json")) return this.list(path.replace(".json", "") as "customers" | "orders", url);
    if (request.method === "POST" && path === "webhooks.json") {
      const body = (await request.json()) as { webhook?: { topic?: string; address?: string } };
      if (!body.webhook?.topic || !body.webhook.address) return json({ errors: { topic: ["can't be blank"] } }, 422);
      const hook = { id: this.nextWebhookId++, topic: body.webhook.topic, address: body.webhook.address };
      this.webhooks.set(hook.id, hook);
      return json({ webhook: { ...hook, created_at: "2025-03-11T12:00:00-04:00", updated_at: "2025-03-11T12:00:00-04:00", format: "json", fields: [], metafield_namespaces: [], api_version: "2025-07" } }, 201);
    }
    const webhook = /^webhooks\/(\d+)\.json$/.exec(path);
    if (webhook && request.method === "DELETE") {
      if (!this.webhooks.delete(Number(webhook[1]))) return json({ errors: "Not Found" }, 404);
      return json({});
    }
    return json({ errors: "Not Found" }, 404);
  }

  /** Cursor pages: page_info here is the offset, opaque to the client as Shopify's is. */
  private list(kind: "customers" | "orders", url: URL): Response {
    const limit = Number(url.searchParams.get("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 250) return json({ errors: { limit: ["must be between 1 and 250"] } }, 400);
    const pageInfo = url.searchParams.get("page_info");
    const offset = pageInfo ? Number(atob(pageInfo)) : 0;
    const records = this[kind].slice(offset, offset + limit);
    const headers: Record<string, string> = {};
    if (offset + limit < this[kind].length) headers.link = `<${this.origin}${url.pathname}?limit=${limit}&page_info=${btoa(String(offset + limit))}>; rel="next"`;
    return json({ [kind]: records }, 200, headers);
  }
}
