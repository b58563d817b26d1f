// Connecting a shop in one step through its REST API, against an in-process fake WooCommerce
// (test/support/fake-shops/): the keys checked, the webhooks created in the shop with our URL and a
// generated secret (and the same for Shopify against its fake), the keys sealed and never shown, refusals that store nothing, safe addresses,
// patience with a shop that says 429, and a disconnect that removes what it created.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../../index";
import { signUp, type ApiClient, type Fetcher } from "../../../test/support/client";
import { FakeWooCommerce } from "../../../test/support/fake-shops/fake-woocommerce";
import { serveFakeShops } from "../../../test/support/fake-shops/serve-in-tests";
import { FakeShopify } from "../../../test/support/fake-shops/fake-shopify";
import { hmacBase64, sendShopify, sendWoo } from "../webhooks-in/fixtures/deliver";
import { shopifyOrder } from "../webhooks-in/fixtures/shopify";
import { runShopImportStep } from "./run-shop-import";
import { shopImportMessage, type ShopImportMessage } from "./shop-import-message";
import { wooOrder } from "../webhooks-in/fixtures/woocommerce";
import { retryAfterMs, shopRequest, ShopApiError } from "./shop-request";
import { DEFAULT_RETRY } from "./shop-request";

let owner: ApiClient;
let workspaceId: string;
let shop: FakeWooCommerce;

const wooBody = (overrides: Record<string, unknown> = {}) => ({
  platform: "woocommerce",
  shopUrl: shop.origin,
  consumerKey: shop.consumerKey,
  consumerSecret: shop.consumerSecret,
  importHistory: false,
  ...overrides,
});

/** The Worker run with extra variables (the development allowance). */
const withVars = (vars: Record<string, string>): Fetcher => ({
  async fetch(request: Request) {
    const ctx = createExecutionContext();
    const response = await worker.fetch(request, { ...env, ...vars } as Env, ctx);
    const body = await response.arrayBuffer();
    await waitOnExecutionContext(ctx);
    return new Response(body, response);
  },
});

/** What a connect writes: connections, imports, audit rows, queued nothing else. */
async function storedForWorkspace() {
  const count = (table: string) => env.DB.prepare(`select count(*) as n from ${table} where workspace_id = ?`).bind(workspaceId).first<number>("n");
  return { connections: await count("shop_connections"), imports: await count("shop_imports"), audit: await count("audit_log") };
}

beforeAll(async () => {
  ({ owner, workspaceId } = await signUp());
});

beforeEach(() => {
  shop = new FakeWooCommerce().seed(2, 3);
  serveFakeShops(shop);
});

afterEach(() => vi.restoreAllMocks());

describe("connecting WooCommerce in one step", () => {
  it("checks the keys, creates a webhook per topic with our URL and a generated secret, and keeps the keys sealed and unseen", async () => {
    const response = await owner.post("/api/connections/connect", wooBody({ name: "فروشگاه کتاب" }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ platform: "woocommerce", name: "فروشگاه کتاب", enabled: true, connectedByApi: true, shopUrl: shop.origin });
    const hooks = [...shop.webhooks.values()];
    expect(hooks.map((hook) => hook.topic).sort()).toEqual([...response.body.topics].sort());
    expect(hooks.length).toBe(6);
    for (const hook of hooks) {
      expect(hook.delivery_url).toBe(`https://crm.test/webhooks/woocommerce/${response.body.id}`);
      expect(hook.status).toBe("active");
      expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(hooks.map((hook) => hook.secret)).size).toBe(1);
    const secret = hooks[0]!.secret;

    // Neither the keys nor the secret come back, in this answer or any later list.
    const list = await owner.get("/api/connections");
    for (const text of [response.text, list.text]) {
      for (const hidden of [shop.consumerKey, shop.consumerSecret, secret]) expect(text).not.toContain(hidden);
    }
    const stored = await env.DB.prepare("select secret, api_credentials, created_webhooks from shop_connections where id = ?").bind(response.body.id).first<Record<string, string>>();
    expect(stored!.api_credentials).toMatch(/^v1:/);
    expect(stored!.secret).toMatch(/^v1:/);
    expect(JSON.parse(stored!.created_webhooks!)).toHaveLength(6);
    const audit = await env.DB.prepare("select details from audit_log where workspace_id = ? and entity_id = ?").bind(workspaceId, response.body.id).all<{ details: string }>();
    for (const row of audit.results) for (const hidden of [shop.consumerKey, shop.consumerSecret, secret]) expect(row.details).not.toContain(hidden);

    // The shop's deliveries, signed with the secret it was given, are taken.
    const delivered = await sendWoo(response.body.id, secret, "order.created", wooOrder({ id: 9001 }));
    expect(delivered.status).toBe(202);
    expect(await hmacBase64(secret, "x")).not.toBe(await hmacBase64("other", "x"));
  });

  it("says which field is wrong when the shop refuses the keys, and stores nothing here or in the shop", async () => {
    const before = await storedForWorkspace();
    const wrong = await owner.withLanguage("fa").post("/api/connections/connect", wooBody({ consumerSecret: "cs_wrongwrongwrongwrongwrong" }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: "body.consumerKey", code: "shop_keys_rejected" })]);
    expect(wrong.body.errors[0].message).toMatch(/[\u0600-\u06ff]/);

    shop.readOnly = true;
    const readOnly = await owner.post("/api/connections/connect", wooBody());
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.errors).toEqual([expect.objectContaining({ path: "body.consumerKey", code: "shop_keys_read_only" })]);
    expect(readOnly.body.errors[0].message).toContain("Read/Write");

    const malformed = await owner.post("/api/connections/connect", wooBody({ consumerKey: "not-a-key" }));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ path: "body.consumerKey" })]);
    expect(shop.webhooks.size).toBe(0);
    expect(await storedForWorkspace()).toEqual(before);
  });

  it("refuses a shop address on a private, local or plain-http host without calling it", async () => {
    const calls = vi.mocked(globalThis.fetch).mock.calls.length;
    for (const shopUrl of ["https://192.168.1.10", "http://shop.example.ir", "https://127.0.0.1", "https://shop.localhost", "https://10.0.0.1.nip.io", "https://[::1]", "http://127.0.0.1:9999"]) {
      const response = await owner.post("/api/connections/connect", wooBody({ shopUrl }));
      expect(response.status, shopUrl).toBe(400);
      expect(response.body.errors[0].path, shopUrl).toBe("body.shopUrl");
    }
    expect(vi.mocked(globalThis.fetch).mock.calls.length).toBe(calls);
  });

  it("lets a local fake shop in only where the development allowance names it, and only on loopback", async () => {
    // The deployed configuration (wrangler.toml, which the tests run with) has no allowance.
    expect((env as unknown as Record<string, unknown>).DEV_LOCAL_SHOP_ORIGINS).toBeUndefined();
    const local = new FakeWooCommerce("http://127.0.0.1:9999").seed(0, 0);
    vi.restoreAllMocks();
    serveFakeShops(local);
    const body = { ...wooBody(), shopUrl: local.origin, consumerKey: local.consumerKey, consumerSecret: local.consumerSecret };
    expect((await owner.post("/api/connections/connect", body)).body.errors[0]).toMatchObject({ path: "body.shopUrl", code: "url_https_required" });

    const { owner: devOwner } = await signUp({ worker: withVars({ DEV_LOCAL_SHOP_ORIGINS: "http://127.0.0.1:9999" }) });
    expect((await devOwner.post("/api/connections/connect", body)).status).toBe(201);
    // Another port, or a private address written into the allowance, is still refused.
    expect((await devOwner.post("/api/connections/connect", { ...body, shopUrl: "http://127.0.0.1:9998" })).status).toBe(400);
    const { owner: misconfigured } = await signUp({ worker: withVars({ DEV_LOCAL_SHOP_ORIGINS: "http://10.0.0.5,https://192.168.1.1" }) });
    for (const shopUrl of ["http://10.0.0.5", "https://192.168.1.1"]) {
      expect((await misconfigured.post("/api/connections/connect", { ...body, shopUrl })).body.errors[0]).toMatchObject({ path: "body.shopUrl" });
    }
  });

  it("waits out a shop's 429 for as long as its Retry-After says, then goes on", async () => {
    shop.throttle(1, 1);
    const response = await owner.post("/api/connections/connect", wooBody());
    expect(response.status).toBe(201);
    expect(shop.requests.filter((line) => line.startsWith("GET /wp-json/wc/v3/webhooks")).length).toBe(2);
  });

  it("disconnects: deletes exactly the webhooks it created, forgets the keys and stops taking deliveries", async () => {
    shop.webhooks.set(7, { id: 7, name: "the owner's own", status: "active", topic: "product.updated", delivery_url: "https://elsewhere.example/x", secret: "s" });
    const connected = await owner.post("/api/connections/connect", wooBody());
    const secret = [...shop.webhooks.values()].find((hook) => hook.id !== 7)!.secret;
    expect(shop.webhooks.size).toBe(7);
    const response = await owner.post(`/api/connections/${connected.body.id}/disconnect`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ enabled: false, connectedByApi: false, webhooksRemoved: 6, webhooksLeft: 0 });
    expect([...shop.webhooks.keys()]).toEqual([7]);
    const stored = await env.DB.prepare("select api_credentials, created_webhooks from shop_connections where id = ?").bind(connected.body.id).first();
    expect(stored).toEqual({ api_credentials: null, created_webhooks: null });
    expect((await sendWoo(connected.body.id, secret, "order.created", wooOrder({ id: 9002 }))).status).toBe(404);
  });
});

describe("calling a shop patiently", () => {
  const throttled = (answers: Array<[number, Record<string, string>]>) => {
    const queue = [...answers];
    vi.restoreAllMocks();
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => {
      const [status, headers] = queue.shift() ?? [200, {}];
      return new Response("{}", { status, headers });
    });
  };

  it("retries 429 and 5xx after the Retry-After the shop gives, or a growing back-off without one", async () => {
    throttled([[429, { "retry-after": "2" }], [503, {}], [502, { "retry-after": "1.5" }]]);
    const waits: number[] = [];
    const response = await shopRequest({ method: "GET", url: "https://shop.example.ir/x", headers: {} }, { ...DEFAULT_RETRY, sleep: async (ms) => void waits.push(ms) });
    expect(response.status).toBe(200);
    expect(waits).toEqual([2000, 1000, 1500]);
  });

  it("does not sleep through a wait longer than the caller allows: it reports busy with the seconds", async () => {
    throttled([[429, { "retry-after": "120" }]]);
    const waits: number[] = [];
    const failure = await shopRequest({ method: "GET", url: "https://shop.example.ir/x", headers: {} }, { ...DEFAULT_RETRY, sleep: async (ms) => void waits.push(ms) }).catch((error) => error);
    expect(failure).toBeInstanceOf(ShopApiError);
    expect(failure).toMatchObject({ failure: "busy", retryAfterSeconds: 120 });
    expect(waits).toEqual([]);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs("2.0")).toBe(2000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs("soon")).toBeNull();
  });
});

describe("connecting Shopify in one step", () => {
  it("checks the token, creates a webhook per topic through the Admin API, imports by Link cursors, and disconnects", async () => {
    const shopify = new FakeShopify().seed(3, 7);
    vi.restoreAllMocks();
    serveFakeShops(shopify);
    const apiSecret = "shpss_fake_app_secret_1234";
    const wrong = await owner.post("/api/connections/connect", { platform: "shopify", shopUrl: "fake-shop.myshopify.com", accessToken: "shpat_wrong000000000000000000000", apiSecret });
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: "body.accessToken", code: "shop_keys_rejected" })]);
    expect(shopify.webhooks.size).toBe(0);

    const connected = await owner.post("/api/connections/connect", { platform: "shopify", shopUrl: "fake-shop.myshopify.com", accessToken: shopify.accessToken, apiSecret });
    expect(connected.status).toBe(201);
    expect([...shopify.webhooks.values()].map((hook) => hook.topic).sort()).toEqual([...connected.body.topics].sort());
    for (const hook of shopify.webhooks.values()) expect(hook.address).toBe(connected.body.webhookUrl);
    expect(connected.text).not.toContain(shopify.accessToken);
    // Deliveries are signed with the app's API secret key.
    expect((await sendShopify(connected.body.id, apiSecret, "orders/create", shopifyOrder({ id: 9_100_000_000_001 }))).status).toBe(202);

    // The history, read a page at a time by following the Link header.
    const scope = { workspaceId, step: 0 };
    let next: ShopImportMessage | null = shopImportMessage(workspaceId, connected.body.import.id, 0);
    while (next) next = (await runShopImportStep({ ...env, D1_QUERIES_PER_INVOCATION: "50" } as Env, next)).next;
    expect((await owner.get(`/api/connections/${connected.body.id}/import`)).body.import).toMatchObject({ status: "done", customersSeen: 3, ordersSeen: 7 });
    expect(shopify.requests.filter((line) => line.includes("page_info")).length).toBeGreaterThan(1);
    const orders = await env.DB.prepare("select count(*) as n from orders where workspace_id = ? and connection_id = ?").bind(scope.workspaceId, connected.body.id).first<number>("n");
    expect(orders).toBeGreaterThanOrEqual(7);

    const disconnected = await owner.post(`/api/connections/${connected.body.id}/disconnect`);
    expect(disconnected.body).toMatchObject({ webhooksRemoved: 6, webhooksLeft: 0 });
    expect(shopify.webhooks.size).toBe(0);
  });
});

describe("the first-run checklist", () => {
  it("starts with every step open and ticks off the shop once one is connected, and staff once invited", async () => {
    const fresh = await signUp();
    const before = await fresh.owner.get("/api/onboarding");
    expect(before.status).toBe(200);
    expect(before.body.steps.map((step: { key: string; done: boolean }) => [step.key, step.done])).toEqual([
      ["connect-shop", false],
      ["import-data", false],
      ["invite-staff", false],
      ["sms-provider", false],
      ["choose-plugins", false],
    ]);
    expect(before.body.complete).toBe(false);
    await fresh.owner.post("/api/connections/connect", wooBody());
    const agentRole = (await fresh.owner.get("/api/roles")).body.items.find((role: { key: string }) => role.key === "agent").id;
    expect((await fresh.owner.post("/api/users", { email: `staff-${Date.now()}@example.com`, roleId: agentRole })).status).toBe(201);
    const after = (await fresh.owner.get("/api/onboarding")).body.steps;
    expect(after.find((step: { key: string }) => step.key === "connect-shop")).toMatchObject({ done: true, href: "/settings/connections" });
    expect(after.find((step: { key: string }) => step.key === "invite-staff").done).toBe(true);
    expect(after.find((step: { key: string }) => step.key === "import-data").done).toBe(false);
  });
});

describe("a connection's health", () => {
  it("shows the last delivery, rejected deliveries of the last 24 h, and warns when an enabled connection is silent for days", async () => {
    const connected = await owner.post("/api/connections/connect", wooBody());
    const fresh = await owner.get(`/api/connections/${connected.body.id}/health`);
    expect(fresh.body).toMatchObject({ lastDeliveryAt: null, failuresLast24h: 0, silentDays: 0, silentWarning: false, import: null });
    const secret = [...shop.webhooks.values()][0]!.secret;
    expect((await sendWoo(connected.body.id, secret, "order.created", { id: "not an order" })).status).toBe(202);
    await vi.waitFor(async () => expect((await owner.get(`/api/connections/${connected.body.id}/health`)).body.failuresLast24h).toBe(1));
    expect((await owner.get(`/api/connections/${connected.body.id}/health`)).body.lastDeliveryAt).not.toBeNull();
    const fourDaysAgo = Date.now() - 4 * 86_400_000;
    await env.DB.prepare("update shop_connections set last_delivery_at = ?, created_at = ? where id = ?").bind(fourDaysAgo, fourDaysAgo, connected.body.id).run();
    expect((await owner.get(`/api/connections/${connected.body.id}/health`)).body).toMatchObject({ silentDays: 4, silentWarning: true });
  });
});
