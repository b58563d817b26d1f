// The club's queries on a request path (and its daily runs) use indexes: EXPLAIN QUERY PLAN on the
// very SQL they build, against the real schema. A SCAN of one of the club's tables fails.
import { env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import type { PluginContext } from "../../worker/plugin-api";
import { couponQuery, listCoupons } from "./coupons";
import { dedupeQuery, historyPage } from "./ledger";
import { memberQuery } from "./members";
import { loyaltySettings, type LoyaltySettings } from "./settings";
import { membersWithValues } from "./tiers";

const ctx = { workspaceId: "wsp_plans", db: drizzle(env.DB), settings: loyaltySettings.parse({}), now: () => Date.now() } as unknown as PluginContext<LoyaltySettings>;

async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return results.map((step) => step.detail);
}

const cases: Array<[string, () => { toSQL(): { sql: string; params: unknown[] } }, string]> = [
  ["a member by customer", () => memberQuery(ctx, "cus_1"), "USING INDEX loyalty_members_customer_unique"],
  ["an effect by its dedupe key", () => dedupeQuery(ctx, "order:ord_1"), "USING INDEX loyalty_ledger_dedupe_unique"],
  ["a coupon by code", () => couponQuery(ctx, "AAAA-BBBB-CCCC"), "USING INDEX loyalty_coupons_code_unique"],
  ["a member's history, first page", () => historyPage(ctx, "cus_1", null, 50), "loyalty_ledger_customer_idx"],
  ["a member's history, later page", () => historyPage(ctx, "cus_1", { at: 1, id: "lpe_z" }, 50), "loyalty_ledger_customer_idx"],
  ["a customer's coupons", () => listCoupons(ctx, { customerId: "cus_1" }, null, 50, 0), "loyalty_coupons_customer_idx"],
  ["the tier review's members and values", () => membersWithValues(ctx, Date.now()), "loyalty_ledger_customer_idx"],
];

describe("query plans", () => {
  for (const [name, query, index] of cases) {
    it(`reads ${name} through an index`, async () => {
      const plan = await planOf(query());
      expect(plan.filter((line) => /^SCAN loyalty_/.test(line)), plan.join("\n")).toEqual([]);
      expect(plan.join("\n")).toContain(index);
    });
  }
});
