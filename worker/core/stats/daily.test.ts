// The dashboard's daily series: each local day of Tehran counted on its own (orders either side of
// local midnight), days without activity as zeros, another workspace's days never included; and
// the rows it reads stay the same as the workspace grows.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signUp } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { createCustomer } from "../customers/create-customer";
import type { OrderInput } from "../orders/order-contract";
import { recordOrder } from "../orders/record-order";
import { dailyQuery } from "./daily";

/** An instant given as a Tehran wall-clock time (+03:30). */
const tehran = (day: string, time: string) => Date.parse(`2025-${day}T${time}:00+03:30`);

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

describe("GET /api/stats/daily", () => {
  it("gives every local day of the period, in order, with what happened on it", async () => {
    const { owner, workspaceId } = await signUp();
    const scope = openWorkspace(env, workspaceId);
    vi.useFakeTimers({ toFake: ["Date"] });

    // Two customers on 1 March at 23:50 Tehran (still 1 March locally, 20:20 UTC) and one on
    // 2 March at 00:10 Tehran (1 March in UTC, 2 March locally).
    vi.setSystemTime(tehran("03-01", "23:50"));
    const a = (await owner.post("/api/customers", { mobile: "09120000001" })).body.id as string;
    const b = (await owner.post("/api/customers", { mobile: "09120000002" })).body.id as string;
    vi.setSystemTime(tehran("03-02", "00:10"));
    const c = (await owner.post("/api/customers", { mobile: "09120000003" })).body.id as string;

    vi.setSystemTime(tehran("03-03", "12:00"));
    await recordOrder(env, scope, paidOrder(a, tehran("03-03", "12:00"), 100_000));
    vi.setSystemTime(tehran("03-04", "00:05"));
    const refunded = await recordOrder(env, scope, paidOrder(b, tehran("03-04", "00:05"), 250_000));
    await recordOrder(env, scope, paidOrder(c, tehran("03-04", "09:00"), 40_000, { status: "pending" })); // pending: not counted
    vi.setSystemTime(tehran("03-06", "10:00"));
    expect((await owner.patch(`/api/orders/${refunded.orderId}`, { refundAmount: 50_000 })).status).toBe(200);

    // Another workspace busy on the same days stays out of this one's series.
    const other = await signUp();
    vi.setSystemTime(tehran("03-03", "12:00"));
    const stranger = (await other.owner.post("/api/customers", { mobile: "09120000009" })).body.id as string;
    await recordOrder(env, openWorkspace(env, other.workspaceId), paidOrder(stranger, tehran("03-03", "12:00"), 999_000));

    vi.setSystemTime(tehran("03-10", "12:00"));
    const response = await owner.get("/api/stats/daily?from=2025-03-01&to=2025-03-07");
    expect(response.status).toBe(200);
    expect(response.body.period).toEqual({ from: "2025-03-01", to: "2025-03-07", timeZone: "Asia/Tehran" });
    expect(response.body.currency).toBe("IRT");
    const zero = { newCustomers: 0, orders: 0, revenue: 0, refunds: 0 };
    expect(response.body.days).toEqual([
      { day: "2025-03-01", ...zero, newCustomers: 2 },
      { day: "2025-03-02", ...zero, newCustomers: 1 },
      { day: "2025-03-03", ...zero, orders: 1, revenue: 100_000 },
      // The refund made on 6 March takes its amount off the revenue of the order's own day.
      { day: "2025-03-04", ...zero, orders: 1, revenue: 200_000 },
      { day: "2025-03-05", ...zero },
      { day: "2025-03-06", ...zero, refunds: 50_000 },
      { day: "2025-03-07", ...zero },
    ]);

    // One day alone, and the default: the thirty days up to today.
    const single = await owner.get("/api/stats/daily?from=2025-03-02&to=2025-03-02");
    expect(single.body.days).toEqual([{ day: "2025-03-02", ...zero, newCustomers: 1 }]);
    const recent = await owner.get("/api/stats/daily");
    expect(recent.body.days).toHaveLength(30);
    expect([recent.body.days[0].day, recent.body.days.at(-1).day]).toEqual(["2025-02-09", "2025-03-10"]);
  });

  it("refuses a backwards, too long or malformed period with a problem naming the field", async () => {
    const { owner } = await signUp();
    const cases: Array<[string, string]> = [
      ["from=2025-03-20&to=2025-03-10", "query.from"],
      ["from=2024-01-01&to=2025-03-10", "query.from"],
      ["from=2025-02-30", "query.from"],
      ["to=21/03/2025", "query.to"],
      ["from=2025-03-01&interval=week", "query"],
    ];
    for (const [query, path] of cases) {
      const response = await owner.withLanguage("fa").get(`/api/stats/daily?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type"), query).toContain("application/problem+json");
      expect(response.body.errors.map((error: { path: string }) => error.path).join(" "), query).toContain(path);
    }
    // The longest allowed period: 366 days.
    const year = await owner.get("/api/stats/daily?from=2024-03-10&to=2025-03-10");
    expect(year.status).toBe(200);
    expect(year.body.days).toHaveLength(366);
  });

  it("reads the same rows at 10 orders and at 1,000, through the rollups' primary key", async () => {
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
    const period = { from: "2025-03-01", to: "2025-03-31" };
    async function rowsRead(scope: ReturnType<typeof openWorkspace>) {
      const { sql, params } = dailyQuery(scope, period).toSQL();
      return (await env.DB.prepare(sql).bind(...params).all()).meta.rows_read;
    }
    const small = await rowsRead(await seed(10));
    const largeScope = await seed(1000);
    const large = await rowsRead(largeScope);
    console.log(`daily rows_read: ${small} at 10 orders, ${large} at 1,000 orders`);
    expect(large).toBe(small);
    // Orders fall on ten days: ten rollup rows, at most one more to find the range's end.
    expect(large).toBeLessThanOrEqual(11);

    const { sql, params } = dailyQuery(largeScope, period).toSQL();
    const plan = await env.DB.prepare(`explain query plan ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail).join("; ");
    expect(details).toMatch(/SEARCH daily_rollups USING (INDEX sqlite_autoindex_daily_rollups_1|PRIMARY KEY)/);
    expect(details).not.toMatch(/TEMP B-TREE|SCAN daily_rollups/);
  }, 600_000);
});
