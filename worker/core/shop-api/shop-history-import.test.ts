// A connected shop's history, imported page by page through the jobs queue from an in-process fake
// WooCommerce: every customer and order arrives once (2,500 orders over many pages), a lost step
// is resumed by the cron, a redelivered step does nothing, a webhook for an imported order leaves
// one order, a shop that says 429 gets the step back after its Retry-After, and on the Workers Free
// plan every step stays within 50 D1 queries.
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../index";
import { signUp, type Fetcher } from "../../../test/support/client";
import { FakeWooCommerce } from "../../../test/support/fake-shops/fake-woocommerce";
import { serveFakeShops } from "../../../test/support/fake-shops/serve-in-tests";
import { recordingQueues } from "../../../test/support/recording-queues";
import { sendWoo } from "../webhooks-in/fixtures/deliver";
import { shopPageSize } from "./page-size";
import { resumeShopImports, SHOP_IMPORT_STALLED_AFTER_MS } from "./resume-shop-imports";
import { ShopImportMessageSchema, type ShopImportMessage } from "./shop-import-message";

afterEach(() => vi.restoreAllMocks());

/** The Worker with these variables, its queue sends recorded so the test can play the queue. */
function deployment(vars: Record<string, unknown> = {}) {
  const queues = recordingQueues({ ...env, ...vars } as Env);
  const fetcher: Fetcher = {
    async fetch(request: Request) {
      const ctx = createExecutionContext();
      const response = await worker.fetch(request, queues.env, ctx);
      const body = await response.arrayBuffer();
      await waitOnExecutionContext(ctx);
      return new Response(body, response);
    },
  };
  /** Hands one message to the jobs queue's consumer, as the queue would; returns what it did with it. */
  async function deliver(message: ShopImportMessage, attempts = 1) {
    const batch = createMessageBatch("edge-crm-jobs", [{ id: `${message.importId}-${message.step}-${attempts}`, timestamp: new Date(), attempts, body: message }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, queues.env, ctx);
    return getQueueResult(batch, ctx);
  }
  const takeSteps = () => queues.takeJobs().flatMap((body) => {
    const parsed = ShopImportMessageSchema.safeParse(body);
    return parsed.success ? [parsed.data] : [];
  });
  return { queues, fetcher, deliver, takeSteps };
}

const connectBody = (shop: FakeWooCommerce) => ({ platform: "woocommerce", shopUrl: shop.origin, consumerKey: shop.consumerKey, consumerSecret: shop.consumerSecret });

const countOf = (sql: string, ...binds: unknown[]) => env.DB.prepare(sql).bind(...binds).first<number>("n");

describe("importing a shop's history", () => {
  it("imports 2,500 orders over many pages, completely, resuming a lost step and ignoring a redelivered one", async () => {
    const shop = new FakeWooCommerce().seed(300, 2_500);
    serveFakeShops(shop);
    const { fetcher, deliver, takeSteps, queues } = deployment();
    const { owner, workspaceId } = await signUp({ worker: fetcher });
    const connected = await owner.post("/api/connections/connect", connectBody(shop));
    expect(connected.status).toBe(201);
    expect(connected.body.import).toMatchObject({ status: "running", phase: "customers", pagesDone: 0 });
    const connectionId = connected.body.id;

    const pending = takeSteps();
    expect(pending).toHaveLength(1);
    let delivered = 0;
    let lost = false;
    let resumed = 0;
    for (;;) {
      if (pending.length === 0 && lost && resumed === 0) {
        // The import is stuck: nothing more is queued. The cron finds it and sends its step again.
        expect((await owner.get(`/api/connections/${connectionId}/import`)).body.import.status).toBe("running");
        resumed = (await resumeShopImports(queues.env, Date.now() + SHOP_IMPORT_STALLED_AFTER_MS + 1_000)).resumed;
        expect(resumed).toBe(1);
        pending.push(...takeSteps());
      }
      const message = pending.shift();
      if (!message) break;
      delivered++;
      // One message is lost on its way (an isolate ended after the step before it committed).
      if (!lost && message.step === 7) {
        lost = true;
        continue;
      }
      await deliver(message);
      // The queue delivers at least once: the same step again changes nothing.
      if (message.step === 3) await deliver(message);
      pending.push(...takeSteps());
    }
    expect(lost).toBe(true);

    const progress = (await owner.get(`/api/connections/${connectionId}/import`)).body.import;
    expect(progress).toMatchObject({ status: "done", phase: "orders", customersSeen: 300, ordersSeen: 2_500, rejected: 0 });
    const pageSize = shopPageSize(queues.env);
    expect(progress.totalPages).toBe(Math.ceil(2_500 / pageSize));
    expect(progress.pagesDone).toBe(progress.totalPages);
    expect(delivered).toBeGreaterThan(20);
    // Every page asked for once, oldest first, with the page size the budget allows; the lost step
    // asked again only once it was resumed.
    const orderPages = shop.requests.filter((line) => line.startsWith("GET /wp-json/wc/v3/orders"));
    expect(new Set(orderPages).size).toBe(progress.totalPages);
    expect(orderPages[0]).toContain(`per_page=${pageSize}`);

    expect(await countOf("select count(*) as n from orders where workspace_id = ? and connection_id = ?", workspaceId, connectionId)).toBe(2_500);
    expect(await countOf("select count(distinct external_id) as n from orders where workspace_id = ? and connection_id = ?", workspaceId, connectionId)).toBe(2_500);
    expect(await countOf("select count(*) as n from customers where workspace_id = ?", workspaceId)).toBe(300);
    const paid = await owner.get("/api/stats/overview");
    expect(paid.status).toBe(200);

    // The shop delivers an imported order by webhook (updated later, then the same again): one order.
    const secret = [...shop.webhooks.values()][0]!.secret;
    const later = shop.order(17, 17, { status: "completed", date_modified_gmt: "2026-01-01T10:00:00" });
    expect((await sendWoo(connectionId, secret, "order.updated", later)).status).toBe(202);
    expect((await sendWoo(connectionId, secret, "order.updated", later)).status).toBe(202);
    await vi.waitFor(async () => expect(await countOf("select count(*) as n from webhook_deliveries where workspace_id = ? and status != 'received'", workspaceId)).toBe(2));
    expect(await countOf("select count(*) as n from orders where workspace_id = ? and connection_id = ? and external_id = '17'", workspaceId, connectionId)).toBe(1);
    expect(await countOf("select count(*) as n from orders where workspace_id = ? and connection_id = ?", workspaceId, connectionId)).toBe(2_500);
  });

  it("gives a step back to the queue for as long as the shop's Retry-After says, without failing the import", async () => {
    const shop = new FakeWooCommerce().seed(2, 2);
    serveFakeShops(shop);
    const { fetcher, deliver, takeSteps } = deployment();
    const { owner } = await signUp({ worker: fetcher });
    const connected = await owner.post("/api/connections/connect", connectBody(shop));
    const [first] = takeSteps();
    shop.throttle(1, 90);
    const result = await deliver(first!);
    expect(result.retryMessages).toHaveLength(1);
    expect(result.explicitAcks).toHaveLength(0);
    expect((await owner.get(`/api/connections/${connected.body.id}/import`)).body.import).toMatchObject({ status: "running", pagesDone: 0 });
    await deliver(first!, 2);
    expect((await owner.get(`/api/connections/${connected.body.id}/import`)).body.import).toMatchObject({ status: "running", phase: "orders" });
  });

  it("keeps every step within 50 D1 queries on the Workers Free plan, with every plugin enabled", async () => {
    const meter: Array<Record<string, unknown>> = [];
    vi.spyOn(console, "log").mockImplementation((text: unknown) => {
      if (typeof text === "string" && text.startsWith("d1-meter ")) meter.push(JSON.parse(text.slice("d1-meter ".length)));
    });
    const shop = new FakeWooCommerce().seed(12, 30);
    serveFakeShops(shop);
    const free = deployment({ D1_METER: "on", D1_QUERIES_PER_INVOCATION: undefined });
    const { owner } = await signUp({ worker: free.fetcher });
    for (const plugin of (await owner.get("/api/plugins")).body.items) await owner.patch(`/api/plugins/${plugin.id}`, { enabled: true });
    const connected = await owner.post("/api/connections/connect", connectBody(shop));
    expect(Number(connected.headers.get("x-d1-calls"))).toBeLessThanOrEqual(50);
    const calls: number[] = [];
    let pending = free.takeSteps();
    while (pending.length) {
      meter.length = 0;
      await free.deliver(pending.shift()!);
      calls.push(Number(meter.find((line) => line.kind === "queue")?.calls));
      pending.push(...free.takeSteps());
    }
    expect((await owner.get(`/api/connections/${connected.body.id}/import`)).body.import).toMatchObject({ status: "done", ordersSeen: 30, customersSeen: 12 });
    expect(calls.length).toBe(Math.ceil(12 / shopPageSize(free.queues.env)) + Math.ceil(30 / shopPageSize(free.queues.env)));
    expect(Math.max(...calls)).toBeLessThanOrEqual(50);
    console.info(`shop import on the Free plan: ${shopPageSize(free.queues.env)} records a step, D1 calls per step ${Math.min(...calls)}–${Math.max(...calls)}`);
  });
});
