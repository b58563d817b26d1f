// The customer list sorted by name, last order, total spent, order count or creation: every sort
// pages through every customer exactly once (ties and customers without orders included), in its
// order, and each sort's page is read through its own index (EXPLAIN QUERY PLAN on the real SQL).
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, type ApiClient } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { seedCustomers } from "../lifecycle/testing";
import { customerListQuery } from "./customer-search.repository";
import { CUSTOMER_SORTS, type CustomerSort } from "./customer-sort";

let owner: ApiClient;
let ids: string[];

beforeAll(async () => {
  let workspaceId: string;
  ({ owner, workspaceId } = await signUp());
  // Few distinct values, so many customers tie; a third have no orders.
  ids = await seedCustomers(
    workspaceId,
    Array.from({ length: 47 }, (_, i) => ({
      displayName: ["Zahra", "ali", "Babak", "آرش", "Ali"][i % 5]!,
      nameKey: ["zahra", "ali", "babak", "آرش", "ali"][i % 5]!,
      totalSpent: (i % 4) * 1000,
      orderCount: i % 3,
      lastOrderAt: i % 3 === 0 ? null : 1_700_000_000_000 + (i % 7) * 86_400_000,
    })),
  );
});

async function walk(sort: CustomerSort, limit: number): Promise<Array<Record<string, any>>> {
  const rows: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  do {
    const response: { status: number; text: string; body: any } = await owner.get(`/api/customers?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status, response.text).toBe(200);
    rows.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return rows;
}

const inOrder = (values: Array<string | number | null>, direction: "asc" | "desc") =>
  values.every((value, i) => {
    if (i === 0) return true;
    const before = values[i - 1]!;
    if (value === null) return true;
    if (before === null) return false;
    return direction === "asc" ? before <= value : before >= value;
  });

describe("sorting the customer list", () => {
  for (const sort of CUSTOMER_SORTS) {
    it(`pages by ${sort} without gaps or repeats`, async () => {
      const rows = await walk(sort, 6);
      expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
      expect(new Set(rows.map((row) => row.id)).size).toBe(ids.length);
      if (sort === "created") expect(rows.map((row) => row.id)).toEqual([...ids].reverse());
      if (sort === "totalSpent") expect(inOrder(rows.map((row) => row.stats.totalSpent), "desc")).toBe(true);
      if (sort === "orderCount") expect(inOrder(rows.map((row) => row.stats.orderCount), "desc")).toBe(true);
      if (sort === "lastOrder") {
        const times = rows.map((row) => (row.stats.lastOrderAt ? Date.parse(row.stats.lastOrderAt) : null));
        expect(inOrder(times, "desc")).toBe(true);
        expect(times.at(-1)).toBeNull();
      }
    });
  }

  it("refuses a cursor of another sort", async () => {
    const first = await owner.get("/api/customers?sort=created&limit=5");
    const mixed = await owner.get(`/api/customers?sort=totalSpent&limit=5&cursor=${first.body.nextCursor}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors[0].path).toBe("query.cursor");
  });
});

describe("sorted pages read their own index", () => {
  const scope = openWorkspace(env, "wsp_plans");
  const indexOf: Record<Exclude<CustomerSort, "created">, string> = {
    name: "customers_workspace_name_idx",
    lastOrder: "customers_workspace_last_order_idx",
    totalSpent: "customers_workspace_spent_idx",
    orderCount: "customers_workspace_order_count_idx",
  };
  for (const [sort, index] of Object.entries(indexOf) as Array<[Exclude<CustomerSort, "created">, string]>) {
    it(`${sort}: a later page walks ${index} with no sorting step`, async () => {
      const after = { value: sort === "name" ? "ali" : sort === "lastOrder" ? null : 1000, id: "cus_zzzz" };
      for (const page of [{ afterId: null, limit: 50, sort }, { afterId: "cus_zzzz", limit: 50, sort, after }]) {
        const { sql, params } = customerListQuery(scope, { city: "تهران" }, page).toSQL();
        const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
        const plan = results.map((step) => step.detail).join("\n");
        // Past the last customer with orders, another index (here the city's) may serve: in id order, as the sort needs.
        if (!(sort === "lastOrder" && page.after)) expect(plan).toContain(index);
        expect(plan).not.toMatch(/SCAN customers|TEMP B-TREE/);
      }
    });
  }
});
