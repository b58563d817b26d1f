// recordOrder, the one writer of orders: repeats and older updates change nothing, concurrent
// orders all count, stages move as orders come and go, and a merge carries orders along.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import type { OrderInput } from "./order-contract";
import { externalOrderQuery, orderListQuery } from "./orders.repository";
import { recomputeFiguresStatement } from "./customer-figures";
import { recordOrder } from "./record-order";

async function shop() {
  const { owner, workspaceId } = await signUp();
  const customerId = (await owner.post("/api/customers", { firstName: "Reza", mobile: "09121112233" })).body.id as string;
  return { owner, workspaceId, customerId, scope: openWorkspace(env, workspaceId) };
}

const shopOrder = (customerId: string, changes: Partial<OrderInput> = {}): OrderInput => ({
  customerId,
  source: "woocommerce",
  connectionId: "con_1",
  externalId: "1001",
  number: "#1001",
  status: "paid",
  currency: "IRT",
  total: 500_000,
  items: [{ sku: "A1", name: "Tea", quantity: 2, unitPrice: 250_000 }],
  placedAt: Date.parse("2025-03-01T10:00:00Z"),
  externalUpdatedAt: Date.parse("2025-03-01T10:00:00Z"),
  by: "shop",
  ...changes,
});

const count = async (table: string, workspaceId: string, where = "1") =>
  (await env.DB.prepare(`select count(*) as n from ${table} where workspace_id = ? and ${where}`).bind(workspaceId).first<{ n: number }>())!.n;

const customerRow = (id: string) =>
  env.DB.prepare("select order_count, total_spent, first_order_at, last_order_at, lifecycle_stage from customers where id = ?").bind(id).first<Record<string, unknown>>();

describe("recordOrder", () => {
  it("records the same shop order twice as one order, the figures unchanged", async () => {
    const { workspaceId, customerId, scope } = await shop();
    const first = await recordOrder(env, scope, shopOrder(customerId));
    expect(first.outcome).toBe("created");
    const figures = await customerRow(customerId);
    const eventCount = await count("events", workspaceId);
    const again = await recordOrder(env, scope, shopOrder(customerId));
    expect(again).toEqual({ orderId: first.orderId, outcome: "unchanged" });
    expect(await count("orders", workspaceId)).toBe(1);
    expect(await count("order_items", workspaceId)).toBe(1);
    expect(await count("events", workspaceId)).toBe(eventCount);
    expect(await customerRow(customerId)).toEqual(figures);
    expect(figures).toMatchObject({ order_count: 1, total_spent: 500_000 });
  });

  it("moves an order forward, and leaves it when an older update arrives after a newer one", async () => {
    const { workspaceId, customerId, scope } = await shop();
    const t = (minute: number) => Date.parse("2025-03-01T10:00:00Z") + minute * 60_000;
    await recordOrder(env, scope, shopOrder(customerId, { status: "pending", externalUpdatedAt: t(0) }));
    const newer = await recordOrder(env, scope, shopOrder(customerId, { status: "paid", externalUpdatedAt: t(10), items: [{ name: "Tea", quantity: 3, unitPrice: 200_000 }], total: 600_000 }));
    expect(newer.outcome).toBe("updated");
    const older = await recordOrder(env, scope, shopOrder(customerId, { status: "cancelled", externalUpdatedAt: t(5) }));
    expect(older).toEqual({ orderId: newer.orderId, outcome: "unchanged" });
    const order = await env.DB.prepare("select status, total from orders where id = ?").bind(newer.orderId).first();
    expect(order).toEqual({ status: "paid", total: 600_000 });
    expect(await count("orders", workspaceId)).toBe(1);
    expect(await count("order_items", workspaceId)).toBe(1);
    expect(await count("order_status_history", workspaceId)).toBe(2);
    expect(await count("events", workspaceId, "name = 'order.paid'")).toBe(1);
    expect(await customerRow(customerId)).toMatchObject({ order_count: 1, total_spent: 600_000 });
  });

  it("counts every one of 10 orders of one customer recorded at once", async () => {
    const { workspaceId, customerId } = await shop();
    const base = Date.parse("2025-03-01T10:00:00Z");
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordOrder(env, openWorkspace(env, workspaceId), shopOrder(customerId, { externalId: `c${i}`, total: 1000 * (i + 1), items: undefined, placedAt: base + i * 1000 })),
      ),
    );
    expect(await customerRow(customerId)).toMatchObject({ order_count: 10, total_spent: 55_000, first_order_at: base, last_order_at: base + 9000, lifecycle_stage: "active" });
    // prospect → new → active, once each, whatever the order the batches ran in.
    expect(await count("customer_stage_changes", workspaceId)).toBe(2);
    expect(await count("events", workspaceId, "name = 'customer.stage_changed'")).toBe(2);
    const stages = await env.DB.prepare("select stage, count from stage_counts where workspace_id = ? and count <> 0 order by stage").bind(workspaceId).all();
    expect(stages.results).toEqual([{ stage: "active", count: 1 }]);
    // And the same shop order delivered ten times at once is still one order, paid once.
    await Promise.all(Array.from({ length: 10 }, () => recordOrder(env, openWorkspace(env, workspaceId), shopOrder(customerId, { externalId: "dup" }))));
    expect(await count("orders", workspaceId, "external_id = 'dup'")).toBe(1);
    expect(await count("events", workspaceId, "name = 'order.paid'")).toBe(11);
  });

  it("moves the stage prospect → new → active, and a lapsed customer who orders again to won_back", async () => {
    const { workspaceId, customerId, scope } = await shop();
    const stage = async () => (await customerRow(customerId))!.lifecycle_stage;
    expect(await stage()).toBe("prospect");
    await recordOrder(env, scope, shopOrder(customerId, { externalId: "1", placedAt: Date.parse("2024-01-01T10:00:00Z") }));
    expect(await stage()).toBe("new");
    await recordOrder(env, scope, shopOrder(customerId, { externalId: "2", placedAt: Date.parse("2024-02-01T10:00:00Z") }));
    expect(await stage()).toBe("active");
    // The daily job would do this; here, straight in D1 (with the stage counts it keeps).
    await env.DB.batch([
      env.DB.prepare("update customers set lifecycle_stage = 'lapsed' where id = ?").bind(customerId),
      env.DB.prepare("update stage_counts set count = count - 1 where workspace_id = ? and stage = 'active'").bind(workspaceId),
      env.DB.prepare("insert into stage_counts (workspace_id, stage, count) values (?, 'lapsed', 1)").bind(workspaceId),
    ]);
    // An old order imported late does not win them back...
    await recordOrder(env, scope, shopOrder(customerId, { externalId: "old", placedAt: Date.parse("2023-06-01T10:00:00Z") }));
    expect(await stage()).toBe("lapsed");
    // ...a new one does.
    await recordOrder(env, scope, shopOrder(customerId, { externalId: "3", placedAt: Date.now() }));
    expect(await stage()).toBe("won_back");
    const changes = await env.DB.prepare("select from_stage, to_stage, cause from customer_stage_changes where customer_id = ? order by at, id").bind(customerId).all();
    expect(changes.results).toEqual([
      { from_stage: "prospect", to_stage: "new", cause: "order" },
      { from_stage: "new", to_stage: "active", cause: "order" },
      { from_stage: "lapsed", to_stage: "won_back", cause: "order" },
    ]);
    const events = await env.DB.prepare("select payload from events where workspace_id = ? and name = 'customer.stage_changed' order by id").bind(workspaceId).all<{ payload: string }>();
    expect(events.results.map((row) => JSON.parse(row.payload))).toEqual([
      { customerId, from: "prospect", to: "new", cause: "order" },
      { customerId, from: "new", to: "active", cause: "order" },
      { customerId, from: "lapsed", to: "won_back", cause: "order" },
    ]);
    // Every event id handed to the queue exists or was never written; those written are all there.
    for (const id of scope.pendingEvents) expect(typeof id).toBe("string");
    const stages = await env.DB.prepare("select stage, count from stage_counts where workspace_id = ? and count <> 0 order by stage").bind(workspaceId).all();
    expect(stages.results).toEqual([{ stage: "won_back", count: 1 }]);
  });

  it("shows orders and stage changes on the customer's timeline", async () => {
    const { owner, customerId, scope } = await shop();
    await recordOrder(env, scope, shopOrder(customerId, { placedAt: Date.now() - 60_000 }));
    const timeline = await owner.get(`/api/customers/${customerId}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((entry: { kind: string }) => entry.kind)).toEqual(["stage_change", "order"]);
    expect(timeline.body.items[0]).toMatchObject({ kind: "stage_change", from: "prospect", to: "new", cause: "order" });
    expect(timeline.body.items[1]).toMatchObject({ kind: "order", number: "#1001", total: 500_000, status: "paid" });
  });

  it("moves orders to the survivor of a merge and recomputes both", async () => {
    const { owner, workspaceId, customerId: survivor, scope } = await shop();
    const merged = (await owner.post("/api/customers", { firstName: "Reza", mobile: "09121112299" })).body.id;
    await recordOrder(env, scope, shopOrder(merged, { externalId: "m1", total: 300_000, placedAt: Date.parse("2025-01-01T10:00:00Z") }));
    await recordOrder(env, scope, shopOrder(merged, { externalId: "m2", total: 200_000, placedAt: Date.parse("2025-02-01T10:00:00Z") }));
    expect((await customerRow(merged))!.lifecycle_stage).toBe("active");
    const response = await owner.post("/api/customers/merge", { survivorId: survivor, mergedId: merged });
    expect(response.status).toBe(200);
    expect(response.body.stats).toMatchObject({ orderCount: 2, totalSpent: 500_000, averageOrderValue: 250_000 });
    expect(response.body.lifecycleStage).toBe("active");
    expect(await count("orders", workspaceId, `customer_id = '${merged}'`)).toBe(0);
    expect(await customerRow(merged)).toMatchObject({ order_count: 0, total_spent: 0 });
    const stages = await env.DB.prepare("select stage, count from stage_counts where workspace_id = ? and count <> 0 order by stage").bind(workspaceId).all();
    expect(stages.results).toEqual([{ stage: "active", count: 1 }]);
    // Nothing reads the old workspace-wide buyer rollup any more, so orders and merges no longer write it.
    expect(await count("buyer_totals", workspaceId)).toBe(0);
    const change = await env.DB.prepare("select from_stage, to_stage, cause from customer_stage_changes where customer_id = ? order by at desc limit 1").bind(survivor).first();
    expect(change).toEqual({ from_stage: "prospect", to_stage: "active", cause: "merge" });
  });

  it("reads the order list and a customer's orders through indexes", async () => {
    const scope = openWorkspace(env, "wsp_plans");
    const plan = async (query: { toSQL(): { sql: string; params: unknown[] } }) => {
      const { sql: text, params } = query.toSQL();
      return (await env.DB.prepare(`explain query plan ${text}`).bind(...params).all<{ detail: string }>()).results.map((row) => row.detail);
    };
    const later = { at: Date.now(), id: "ord_x" };
    const cases = {
      all: orderListQuery(scope, {}, { before: null, limit: 50 }),
      allLater: orderListQuery(scope, {}, { before: later, limit: 50 }),
      customer: orderListQuery(scope, { customerId: "cus_x" }, { before: null, limit: 50 }),
      customerLater: orderListQuery(scope, { customerId: "cus_x" }, { before: later, limit: 50 }),
      period: orderListQuery(scope, { from: 1, to: 2 }, { before: null, limit: 50 }),
      status: orderListQuery(scope, { status: "paid" }, { before: null, limit: 50 }),
      external: externalOrderQuery(scope, "con_1", "1001"),
    };
    for (const [name, query] of Object.entries(cases)) {
      const details = await plan(query);
      expect(details.filter((detail) => /SCAN|TEMP B-TREE/.test(detail)), `${name}: ${details.join(" | ")}`).toEqual([]);
      expect(details.join(" "), name).toMatch(/USING (COVERING )?INDEX orders_/);
    }
    expect((await plan(cases.customer)).join(" ")).toContain("orders_customer_time_idx");
    expect((await plan(cases.external)).join(" ")).toContain("orders_external_unique");
    // The figures recomputed in each order's batch read the customer's orders by the same index,
    // not every paid order of the workspace (the Orders page's status index would offer that).
    const figures = await plan(recomputeFiguresStatement(scope, "cus_x", 1) as unknown as { toSQL(): { sql: string; params: unknown[] } });
    expect(figures.join(" ")).toContain("orders_customer_time_idx");
    expect(figures.join(" ")).not.toContain("orders_status_time_idx");
  });
});

describe("recordOrder with several lines", () => {
  it("keeps the lines in the order given, so a repeat of a multi-line order changes nothing", async () => {
    const { workspaceId, customerId, scope } = await shop();
    const lines = Array.from({ length: 8 }, (_, i) => ({ sku: `S${i}`, name: `Item ${i}`, quantity: 1, unitPrice: 100 * (i + 1) }));
    const first = await recordOrder(env, scope, shopOrder(customerId, { items: lines, total: 3600 }));
    const stored = await env.DB.prepare("select name from order_items where order_id = ? order by id").bind(first.orderId).all<{ name: string }>();
    expect(stored.results.map((row) => row.name)).toEqual(lines.map((line) => line.name));
    expect((await recordOrder(env, scope, shopOrder(customerId, { items: lines, total: 3600 }))).outcome).toBe("unchanged");
    expect(await count("order_items", workspaceId)).toBe(8);
  });
});
