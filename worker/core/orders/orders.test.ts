// Hand-entered orders through the API: by customer id or any identifier form (a new customer is
// created), marking paid, cancelling and refunding, with the customer's figures and events.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";
import { openWorkspace } from "../data/database";
import { orderListQuery, type OrderFilters } from "./orders.repository";

const eventsOf = async (workspaceId: string, name: string) =>
  (await env.DB.prepare("select payload from events where workspace_id = ? and name = ? order by id").bind(workspaceId, name).all<{ payload: string }>()).results.map(
    (row) => JSON.parse(row.payload),
  );

describe("entering an order by hand", () => {
  it("finds an existing customer by a mobile typed in Persian digits", async () => {
    const { owner } = await signUp();
    const customer = await owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" });
    const order = await owner.post("/api/orders", { identifier: "۰۹۱۲ ۱۲۳ ۴۵۶۷", total: 450_000, channel: "Instagram" });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({
      customerId: customer.body.id,
      number: "O-00001",
      status: "paid",
      currency: "IRT",
      total: 450_000,
      channel: "instagram",
      source: "manual",
      items: [],
      statusHistory: [{ status: "paid" }],
    });
    const after = await owner.get(`/api/customers/${customer.body.id}`);
    expect(after.body.stats).toMatchObject({ orderCount: 1, totalSpent: 450_000, averageOrderValue: 450_000 });
    expect(after.body.lifecycleStage).toBe("new");
    const second = await owner.post("/api/orders", { identifier: "+98 912 123 4567", items: [{ name: "Scarf", quantity: 2, unitPrice: 100_000 }], shipping: 30_000 });
    expect(second.body).toMatchObject({ number: "O-00002", subtotal: 200_000, total: 230_000, items: [{ name: "Scarf", quantity: 2, unitPrice: 100_000, total: 200_000 }] });
    const again = await owner.get(`/api/customers/${customer.body.id}`);
    expect(again.body.stats).toMatchObject({ orderCount: 2, totalSpent: 680_000, averageOrderValue: 340_000 });
    expect(again.body.lifecycleStage).toBe("active");
  });

  it("creates a customer, with the name given, for a mobile nobody has", async () => {
    const { owner, workspaceId } = await signUp();
    const order = await owner.post("/api/orders", { identifier: "۰۹۳۵۱۱۱۲۲۳۳", name: "سارا احمدی", total: 120_000, status: "pending", channel: "telegram" });
    expect(order.status).toBe(201);
    const customer = await owner.get(`/api/customers/lookup?identifier=09351112233`);
    expect(customer.body).toMatchObject({ id: order.body.customerId, firstName: "سارا", lastName: "احمدی", lifecycleStage: "prospect" });
    expect(customer.body.stats.orderCount).toBe(0);
    expect(await eventsOf(workspaceId, "customer.created")).toHaveLength(1);
    expect(await eventsOf(workspaceId, "order.created")).toMatchObject([{ orderId: order.body.id, status: "pending", total: 120_000 }]);
    expect(await eventsOf(workspaceId, "order.paid")).toEqual([]);
  });

  it("marks paid, refunds in part, then in full, with figures, history and events right", async () => {
    const { owner, workspaceId } = await signUp();
    const customerId = (await owner.post("/api/customers", { mobile: "09121112233" })).body.id;
    const order = (await owner.post("/api/orders", { customerId, total: 1_000_000, status: "pending" })).body;
    const figures = async () => (await owner.get(`/api/customers/${customerId}`)).body;

    expect((await figures()).stats.orderCount).toBe(0);
    const paid = await owner.patch(`/api/orders/${order.id}`, { status: "paid" });
    expect(paid.status).toBe(200);
    expect(paid.body.paidAt).not.toBeNull();
    expect((await figures()).stats).toMatchObject({ orderCount: 1, totalSpent: 1_000_000 });

    const partial = await owner.patch(`/api/orders/${order.id}`, { refundAmount: 300_000 });
    expect(partial.body).toMatchObject({ status: "paid", refundedTotal: 300_000 });
    expect((await figures()).stats).toMatchObject({ orderCount: 1, totalSpent: 700_000 });

    const tooMuch = await owner.patch(`/api/orders/${order.id}`, { refundAmount: 800_000 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0]).toMatchObject({ path: "body.refundAmount", code: "refund_exceeds_total" });

    const full = await owner.patch(`/api/orders/${order.id}`, { status: "refunded" });
    expect(full.body).toMatchObject({ status: "refunded", refundedTotal: 1_000_000 });
    expect(full.body.statusHistory.map((entry: { status: string }) => entry.status)).toEqual(["pending", "paid", "refunded"]);
    const after = await figures();
    expect(after.stats).toMatchObject({ orderCount: 0, totalSpent: 0 });
    expect(after.lifecycleStage).toBe("prospect");

    expect(await eventsOf(workspaceId, "order.paid")).toHaveLength(1);
    expect(await eventsOf(workspaceId, "order.refunded")).toMatchObject([
      { orderId: order.id, refundedTotal: 300_000, total: 1_000_000, full: false },
      { orderId: order.id, refundedTotal: 1_000_000, total: 1_000_000, full: true },
    ]);
    const stages = (await env.DB.prepare("select from_stage, to_stage from customer_stage_changes where customer_id = ? order by at, id").bind(customerId).all()).results;
    expect(stages).toEqual([
      { from_stage: "prospect", to_stage: "new" },
      { from_stage: "new", to_stage: "prospect" },
    ]);
    const reopened = await owner.patch(`/api/orders/${order.id}`, { status: "paid" });
    expect(reopened.status).toBe(400);
    expect(reopened.body.errors[0].code).toBe("invalid_order_transition");
  });

  it("lists orders newest placed first with filters and a keyset cursor, and reads one with items and history", async () => {
    const { owner } = await signUp();
    const a = (await owner.post("/api/customers", { mobile: "09121112233" })).body.id;
    const b = (await owner.post("/api/customers", { mobile: "09121112234" })).body.id;
    const placed = (day: string) => `${day}T10:00:00+03:30`;
    await owner.post("/api/orders", { customerId: a, total: 100, placedAt: placed("2025-03-01") });
    await owner.post("/api/orders", { customerId: a, total: 200, placedAt: placed("2025-03-05"), status: "pending" });
    await owner.post("/api/orders", { customerId: b, total: 300, placedAt: placed("2025-03-10") });
    await owner.post("/api/orders", { customerId: a, total: 400, placedAt: placed("2025-03-20") });

    const totals = (response: { body: { items: Array<{ total: number }> } }) => response.body.items.map((order) => order.total);
    expect(totals(await owner.get("/api/orders"))).toEqual([400, 300, 200, 100]);
    expect(totals(await owner.get(`/api/orders?customerId=${a}`))).toEqual([400, 200, 100]);
    expect(totals(await owner.get(`/api/orders?status=pending`))).toEqual([200]);
    // Local dates: from the start of 5 March to the end of 10 March in Tehran.
    expect(totals(await owner.get(`/api/orders?from=2025-03-05&to=2025-03-10`))).toEqual([300, 200]);
    const first = await owner.get("/api/orders?limit=3");
    expect(totals(first)).toEqual([400, 300, 200]);
    const rest = await owner.get(`/api/orders?limit=3&cursor=${first.body.nextCursor}`);
    expect(totals(rest)).toEqual([100]);
    expect(rest.body.nextCursor).toBeNull();

    const id = first.body.items[0].id;
    const one = await owner.get(`/api/orders/${id}`);
    expect(one.body).toMatchObject({ id, total: 400, items: [], statusHistory: [{ status: "paid" }] });
    expect((await owner.get("/api/orders/ord_missing")).status).toBe(404);
    expect((await owner.get("/api/orders?cursor=bm9wZQ")).status).toBe(400);
  });

  it("filters by status, source, shop and amount, each walking an index newest first", async () => {
    const { owner, workspaceId } = await signUp();
    const a = (await owner.post("/api/customers", { mobile: "09121112233" })).body.id;
    const placed = (day: string) => `${day}T10:00:00+03:30`;
    await owner.post("/api/orders", { customerId: a, total: 100, placedAt: placed("2025-03-01") });
    await owner.post("/api/orders", { customerId: a, total: 250, placedAt: placed("2025-03-05"), status: "pending" });
    await owner.post("/api/orders", { customerId: a, total: 900, placedAt: placed("2025-03-10") });
    const totals = async (query: string) => ((await owner.get(`/api/orders?${query}`)).body.items as Array<{ total: number }>).map((order) => order.total);
    expect(await totals("minTotal=200")).toEqual([900, 250]);
    // Each row names who placed it, so the Orders page needs no read per customer.
    expect((await owner.get("/api/orders?limit=1")).body.items[0].customer).toMatchObject({ id: a, code: "C-00001" });
    expect(await totals("minTotal=200&maxTotal=500")).toEqual([250]);
    expect(await totals("status=paid&maxTotal=900")).toEqual([900, 100]);
    expect(await totals("source=manual")).toEqual([900, 250, 100]);
    expect(await totals("source=woocommerce")).toEqual([]);
    expect(await totals("connectionId=con_none")).toEqual([]);
    expect((await owner.get("/api/orders?minTotal=-1")).status).toBe(400);
    expect((await owner.get("/api/orders?source=ebay")).status).toBe(400);

    const scope = openWorkspace(env, workspaceId);
    const planOf = async (filters: OrderFilters) => {
      const { sql, params } = orderListQuery(scope, filters, { before: { at: Date.now(), id: "ord_z" }, limit: 50 }).toSQL();
      return (await env.DB.prepare(`explain query plan ${sql}`).bind(...params).all<{ detail: string }>()).results.map((row) => row.detail).join("; ");
    };
    const cases: Array<[OrderFilters, string]> = [
      [{ status: "paid" }, "orders_status_time_idx"],
      [{ connectionId: "con_1", minTotal: 10 }, "orders_connection_time_idx"],
      [{ minTotal: 10, maxTotal: 20, source: "manual" }, "orders_workspace_time_idx"],
    ];
    for (const [filters, index] of cases) {
      const plan = await planOf(filters);
      expect(plan, JSON.stringify(filters)).toContain(`USING INDEX ${index}`);
      expect(plan, JSON.stringify(filters)).not.toMatch(/TEMP B-TREE|SCAN orders/);
    }
  });

  it("refuses bad input with 400 problem+json and writes nothing", async () => {
    const { owner } = await signUp();
    const customerId = (await owner.post("/api/customers", { mobile: "09121112233" })).body.id;
    const order = (await owner.post("/api/orders", { customerId, total: 1000 })).body;
    const before = await databaseFingerprint();
    const bad: Array<[unknown, string]> = [
      [{ total: 1000 }, "body.customerId"],
      [{ customerId, identifier: "09121112233", total: 1000 }, "body.customerId"],
      [{ customerId }, "body.total"],
      [{ customerId, total: -5 }, "body.total"],
      [{ customerId, total: 10.5 }, "body.total"],
      [{ customerId, total: 10, currency: "XYZ" }, "body.currency"],
      [{ customerId, total: 10, status: "refunded" }, "body.status"],
      [{ customerId, total: 10, channel: "insta gram!" }, "body.channel"],
      [{ customerId, total: 10, extra: true }, "body"],
      [{ identifier: "not-an-identifier!!", total: 10 }, "body.identifier"],
      [{ customerId: "cus_nobody", total: 10 }, "body.customerId"],
      [{ customerId, total: 10, placedAt: "2999-01-01T00:00:00Z" }, "body.placedAt"],
    ];
    for (const [body, path] of bad) {
      const response = await owner.post("/api/orders", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.body.errors.map((error: { path: string }) => error.path).some((p: string) => p.startsWith(path)), `${JSON.stringify(body)} ${response.text}`).toBe(true);
    }
    for (const body of [{}, { status: "paid", refundAmount: 5 }, { refundAmount: 0 }, { refundAmount: 1001 }, { status: "shipped" }]) {
      const response = await owner.patch(`/api/orders/${order.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("lets a viewer read orders but not enter them", async () => {
    const { owner, workspaceId } = await signUp();
    const customerId = (await owner.post("/api/customers", { mobile: "09121112233" })).body.id;
    await owner.post("/api/orders", { customerId, total: 1000 });
    const viewer = await addMember(workspaceId, "viewer");
    expect((await viewer.get("/api/orders")).body.items).toHaveLength(1);
    expect((await viewer.post("/api/orders", { customerId, total: 1000 })).status).toBe(403);
    const agent = await addMember(workspaceId, "agent");
    expect((await agent.post("/api/orders", { customerId, total: 1000 })).status).toBe(201);
  });

  it("answers 404 for another workspace's order, and keeps it out of lists", async () => {
    const a = await signUp();
    const b = await signUp();
    const customerB = (await b.owner.post("/api/customers", { mobile: "09121112233" })).body.id;
    const orderB = (await b.owner.post("/api/orders", { customerId: customerB, total: 1000 })).body.id;
    expect((await a.owner.get(`/api/orders/${orderB}`)).status).toBe(404);
    expect((await a.owner.patch(`/api/orders/${orderB}`, { status: "cancelled" })).status).toBe(404);
    expect((await a.owner.get("/api/orders")).body.items).toEqual([]);
    expect((await a.owner.get(`/api/orders?customerId=${customerB}`)).body.items).toEqual([]);
    expect((await a.owner.post("/api/orders", { customerId: customerB, total: 5 })).status).toBe(400);
    expect((await b.owner.get(`/api/orders/${orderB}`)).body.status).toBe("paid");
  });
});
