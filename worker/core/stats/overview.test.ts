// The dashboard's KPIs against a small dataset computed by hand, with orders either side of local
// midnight in Tehran; and the rows the overview reads stay the same as orders grow.
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signUp } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { customers } from "../data/schema";
import { createCustomer } from "../customers/create-customer";
import type { OrderInput } from "../orders/order-contract";
import { recordOrder, stageChangeStatements } from "../orders/record-order";
import { BUYER_DAYS_PRIMARY_KEY, overviewQueries } from "./overview";

/** An instant given as a Tehran wall-clock time (+03:30). */
const tehran = (day: string, time: string) => Date.parse(`2025-${day}T${time}:00+03:30`);
const at = (instant: number) => vi.setSystemTime(instant);

afterEach(() => {
  vi.useRealTimers();
});

const paidOrder = (customerId: string, placedAt: number, total: number, changes: Partial<OrderInput> = {}): OrderInput => ({
  customerId,
  source: "manual",
  status: "paid",
  currency: "IRT",
  total,
  placedAt,
  by: null,
  ...changes,
});

describe("GET /api/stats/overview", () => {
  it("computes every KPI by hand over the period, with a merge, a refund and a lapsed customer, the same in both languages", async () => {
    const { owner, workspaceId } = await signUp();
    const scope = openWorkspace(env, workspaceId);
    vi.useFakeTimers({ toFake: ["Date"] });
    const record = async (input: OrderInput) => {
      at(input.placedAt);
      return recordOrder(env, scope, input);
    };
    const create = async (mobile: string) => (await owner.post("/api/customers", { mobile })).body.id as string;

    at(tehran("03-02", "12:00"));
    const [c1, c2, c3, c4] = [await create("09120000001"), await create("09120000002"), await create("09120000003"), await create("09120000004")];
    await record(paidOrder(c1, tehran("03-05", "12:00"), 100_000)); // c1 new
    await record(paidOrder(c2, tehran("03-06", "12:00"), 200_000)); // c2 new
    await record(paidOrder(c3, tehran("03-07", "12:00"), 300_000)); // c3 new
    await record(paidOrder(c1, tehran("03-09", "23:50"), 50_000)); // c1 active; local 9 March: before the period
    await record(paidOrder(c1, tehran("03-10", "00:10"), 100_000)); // local 10 March (still 9 March in UTC): in it
    // Two records of one person, created in the period; the second buys, then is merged into the first.
    at(tehran("03-11", "12:00"));
    const c6 = await create("09120000006");
    const c7 = await create("09120000007");
    at(tehran("03-12", "12:00"));
    const c5 = await create("09120000005"); // new in the period, never buys
    await record(paidOrder(c7, tehran("03-13", "12:00"), 20_000)); // c7 new
    const c4Order = await record(paidOrder(c4, tehran("03-15", "12:00"), 80_000)); // c4 new
    // c2 lapses (as the daily job would move them: a guarded update, then the shared statements).
    at(tehran("03-15", "12:00"));
    await scope.db.batch([
      scope.db.update(customers).set({ lifecycleStage: "lapsed" }).where(and(eq(customers.id, c2), eq(customers.lifecycleStage, "new"))),
      ...stageChangeStatements(scope, { customerId: c2, from: "new", to: "lapsed", cause: "schedule", at: Date.now(), timeZone: "Asia/Tehran" }),
    ]);
    at(tehran("03-16", "12:00"));
    expect((await owner.patch(`/api/orders/${c4Order.orderId}`, { refundAmount: 30_000 })).status).toBe(200);
    at(tehran("03-17", "12:00"));
    expect((await owner.post("/api/customers/merge", { survivorId: c6, mergedId: c7 })).status).toBe(200); // c6 new, c7 gone
    await record(paidOrder(c2, tehran("03-20", "23:50"), 400_000)); // c2 won back; local 20 March: in the period
    await record(paidOrder(c3, tehran("03-21", "00:10"), 60_000)); // c3 active; local 21 March (20 March in UTC): after it
    await record(paidOrder(c3, tehran("03-18", "12:00"), 70_000, { status: "pending" })); // pending: not counted

    at(tehran("03-25", "12:00"));
    const period = "from=2025-03-10&to=2025-03-20";
    const response = await owner.withLanguage("fa").get(`/api/stats/overview?${period}`);
    expect(response.status).toBe(200);
    const kpis = response.body;
    expect(kpis.period).toEqual({ from: "2025-03-10", to: "2025-03-20", timeZone: "Asia/Tehran" });
    // At the end of 20 March: c5 prospect; c3 (active only on the 21st), c4 and c6 new; c1 active; c2 won back.
    expect(kpis.customers).toEqual({
      total: 6,
      newInPeriod: 2, // c5 and c6; the merged c7 is withdrawn from its day
      active: 5,
      atRisk: 0,
      lapsed: 0,
      byStage: { prospect: 1, new: 3, active: 1, at_risk: 0, lapsed: 0, won_back: 1 },
    });
    expect(kpis.customers.newInPeriod).toBeLessThanOrEqual(kpis.customers.total);
    // Orders of the period: c1 100 000 (10 March), c7's (now c6's) 20 000 (13 March), c4 80 000 − 30 000 refunded (15 March), c2 400 000 (20 March).
    expect(kpis.orders).toBe(4);
    expect(kpis.revenue).toBe(570_000);
    expect(kpis.refunds).toBe(30_000);
    expect(kpis.averageOrderValue).toBe(142_500);
    // The period's buyers: c1, c6, c4 and c2; c1 and c2 had bought before it.
    expect(kpis.buyers).toBe(4);
    expect(kpis.revenuePerCustomer).toBe(142_500);
    expect(kpis.ordersPerBuyer).toBe(1);
    expect(kpis.repeatBuyers).toBe(2);
    expect(kpis.repeatPurchaseRate).toBe(0.5);
    // Per buying customer can never exceed the average order while each buyer has an order.
    expect(kpis.revenuePerCustomer).toBeGreaterThanOrEqual(kpis.averageOrderValue);
    // Churn: one lapse (c2) against the base of 10 March (c1, c2, c3) and the entries during the
    // period: c7 (13th), c4 (15th), c7 merged away (−1, 17th), c6 (17th), c2 won back (20th).
    expect(kpis.becameLapsed).toBe(1);
    expect(kpis.wonBack).toBe(1);
    expect(kpis.churnBase).toBe(6);
    expect(kpis.churnRate).toBe(0.1667);

    // The same numbers whatever the reader's language.
    expect((await owner.withLanguage("en").get(`/api/stats/overview?${period}`)).body).toEqual(kpis);
    // The daily series agrees with the overview over the same days.
    const days = (await owner.get(`/api/stats/daily?${period}`)).body.days as Array<Record<string, number>>;
    const total = (key: string) => days.reduce((sum, day) => sum + day[key]!, 0);
    expect([total("newCustomers"), total("orders"), total("revenue"), total("refunds")]).toEqual([2, 4, 570_000, 30_000]);

    // The day before: 9 March holds c1's 23:50 order only; c1 had bought before it.
    const ninth = (await owner.get("/api/stats/overview?from=2025-03-09&to=2025-03-09")).body;
    expect([ninth.orders, ninth.revenue, ninth.buyers, ninth.repeatBuyers]).toEqual([1, 50_000, 1, 1]);
    // Before anyone bought: four prospects, nothing to divide by.
    const first = (await owner.get("/api/stats/overview?from=2025-03-02&to=2025-03-02")).body;
    expect([first.customers.total, first.customers.newInPeriod, first.buyers, first.churnRate, first.revenuePerCustomer]).toEqual([4, 4, 0, null, null]);
    const bad = await owner.get("/api/stats/overview?from=2025-03-20&to=2025-03-10");
    expect(bad.status).toBe(400);
    expect((await owner.get("/api/stats/overview?from=2024-01-01&to=2025-03-10")).status).toBe(400);
    expect((await owner.get("/api/stats/overview?from=2025-02-30")).status).toBe(400);
    expect(c5).toMatch(/^cus_/);
  });

  it("reads the same number of rows at 10 orders and at 1,000 on the same customer-days", async () => {
    async function seed(orderCount: number) {
      const { workspaceId } = await signUp();
      const scope = openWorkspace(env, workspaceId);
      const customerIds: string[] = [];
      for (let i = 0; i < 5; i++) {
        customerIds.push(await createCustomer(scope, "mobile", { kind: "person", mobile: `0912000000${i}`, tags: [], consent: {}, attributes: {} }, null, "Asia/Tehran"));
      }
      const base = Date.parse("2025-03-01T12:00:00+03:30");
      for (let start = 0; start < orderCount; start += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, orderCount - start) }, (_, k) => {
            const i = start + k;
            return recordOrder(env, scope, paidOrder(customerIds[i % 5]!, base + (i % 10) * 86_400_000 + i, 1000 + i, { source: "import", externalId: `o${i}`, number: `#${i}` }));
          }),
        );
      }
      return scope;
    }
    async function rowsRead(scope: ReturnType<typeof openWorkspace>) {
      const queries = overviewQueries(scope, { from: "2025-03-01", to: "2025-03-31" });
      let total = 0;
      for (const query of [queries.stages, queries.buyers, queries.days, queries.otherCurrencies]) {
        const { sql, params } = query.toSQL();
        const result = await env.DB.prepare(sql).bind(...params).all();
        total += result.meta.rows_read;
      }
      return total;
    }
    const small = await rowsRead(await seed(10));
    const large = await rowsRead(await seed(1000));
    console.log(`overview rows_read: ${small} at 10 orders, ${large} at 1,000 orders`);
    expect(large).toBe(small);
    expect(large).toBeLessThan(40);
  }, 600_000);

  it("asks of each buyer of the period whether they bought before it with one probe of the primary key, never a read of the workspace's earlier days", async () => {
    const { sql, params } = overviewQueries(openWorkspace(env, "ws_plan"), { from: "2025-03-01", to: "2025-03-31" }).buyers.toSQL();
    const plan = await env.DB.prepare(`explain query plan ${sql}`).bind(...params).all<{ detail: string }>();
    const probe = plan.results.map((row) => row.detail).find((detail) => detail.includes("earlier"));
    expect(probe).toContain(`${BUYER_DAYS_PRIMARY_KEY} (workspace_id=? AND customer_id=? AND day<?)`);
  });
});
