import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createPluginTestbed } from "../../../test/support/plugin-harness";
import { drizzle } from "drizzle-orm/d1";
import { openWorkspace } from "../data/database";
import { emptyUsage, meteredD1 } from "../data/d1-meter";
import * as schema from "../data/schema";
import { ageCustomerStages } from "./age-stages";
import { quintilePositions, recomputeRfm, RFM_BATCH, scoreOf } from "./rfm";
import { DAY, seedCustomers } from "./testing";

const AT = Date.UTC(2025, 10, 1, 21, 0);

async function scoresOf(ids: string[]) {
  const rows = await env.DB.prepare("select id, rfm_r, rfm_f, rfm_m, rfm_segment, value_tier from customers where id in (select value from json_each(?))")
    .bind(JSON.stringify(ids))
    .all<{ id: string; rfm_r: number | null; rfm_f: number | null; rfm_m: number | null; rfm_segment: string | null; value_tier: string | null }>();
  const byId = new Map(rows.results.map((row) => [row.id, row]));
  return ids.map((id) => {
    const { rfm_segment, value_tier } = byId.get(id)!;
    return `${rfm_segment ?? "-"} ${value_tier ?? "-"}`;
  });
}

describe("RFM scores", () => {
  it("puts the quintile boundaries where the hand computation does", () => {
    // n = 10: boundaries after the 2nd, 4th, 6th and 8th value.
    expect(quintilePositions(10)).toEqual([2, 4, 6, 8]);
    expect(quintilePositions(7)).toEqual([2, 3, 5, 6]);
    expect(quintilePositions(1)).toEqual([1, 1, 1, 1]);
    // Sorted order counts 1,1,1,1,2,2,2,3,3,5: thresholds are the 2nd, 4th, 6th and 8th values.
    const thresholds = [1, 1, 2, 3];
    expect([1, 2, 3, 5].map((value) => scoreOf(value, thresholds))).toEqual([1, 3, 4, 5]);
  });

  it("scores a known workspace by quintiles, ties sharing a score, and leaves non-buyers unscored", async () => {
    const bed = await createPluginTestbed({ plugins: [] });
    // Ten buyers. Hand-computed, with score = 1 + floor(5 × below / 10):
    //   R: last order 1…10 days ago; below = 9, 8, …, 0   → 5 5 4 4 3 3 2 2 1 1
    //   F: orders 5 3 3 2 2 2 1 1 1 1; below(5)=9 → 5, below(3)=7 → 4, below(2)=4 → 3, below(1)=0 → 1
    //   M: spent 1000 900 700 700 500 400 300 200 100 100;
    //      below = 9 8 6 6 5 4 3 2 0 0 → 5 5 4 4 3 3 2 2 1 1
    //   tier by R+F+M: ≥12 high, 8–11 medium, else low.
    const orderCounts = [5, 3, 3, 2, 2, 2, 1, 1, 1, 1];
    const spent = [1000, 900, 700, 700, 500, 400, 300, 200, 100, 100];
    const buyers = await seedCustomers(
      bed.workspaceId,
      orderCounts.map((orderCount, i) => ({ lifecycleStage: "active" as const, lastOrderAt: AT - (i + 1) * DAY, orderCount, totalSpent: spent[i]! })),
    );
    const [prospect, erased] = await seedCustomers(bed.workspaceId, [
      { lifecycleStage: "prospect" },
      // Erased: not scored, and not counted in anyone else's quintiles.
      { lifecycleStage: "active", lastOrderAt: AT - DAY / 2, orderCount: 50, totalSpent: 99_999, erasedAt: AT - DAY },
    ]);

    await bed.tick(new Date(AT));
    expect(await scoresOf(buyers)).toEqual([
      "R5F5M5 high",
      "R5F4M5 high",
      "R4F4M4 high",
      "R4F3M4 medium",
      "R3F3M3 medium",
      "R3F3M3 medium",
      "R2F1M2 low",
      "R2F1M2 low",
      "R1F1M1 low",
      "R1F1M1 low",
    ]);
    expect(await scoresOf([prospect!, erased!])).toEqual(["- -", "- -"]);
    const first = await env.DB.prepare("select rfm_r, rfm_f, rfm_m from customers where id = ?").bind(buyers[0]).first();
    expect(first).toEqual({ rfm_r: 5, rfm_f: 5, rfm_m: 5 });

    // A customer whose orders are gone (e.g. all refunded and recounted) loses the score.
    await env.DB.prepare("update customers set last_order_at = null, order_count = 0, total_spent = 0 where id = ?").bind(buyers[0]).run();
    await recomputeRfm(openWorkspace(env, bed.workspaceId));
    const [gone, second] = await scoresOf(buyers.slice(0, 2));
    expect(gone).toBe("- -");
    // Nine buyers now: R below(second) = 8 → 1 + floor(40/9) = 5.
    expect(second).toMatch(/^R5/);
  });

  it("gives every customer the same score when all are tied, and one alone scores 1", async () => {
    const bed = await createPluginTestbed({ plugins: [] });
    const ids = await seedCustomers(
      bed.workspaceId,
      Array.from({ length: 4 }, () => ({ lifecycleStage: "new" as const, lastOrderAt: AT - DAY, orderCount: 1, totalSpent: 500 })),
    );
    await recomputeRfm(openWorkspace(env, bed.workspaceId));
    expect(await scoresOf(ids)).toEqual(Array(4).fill("R1F1M1 low"));
  });

  it(`scores a workspace larger than one batch (${RFM_BATCH})`, async () => {
    const bed = await createPluginTestbed({ plugins: [] });
    const count = RFM_BATCH + 120;
    const ids = await seedCustomers(
      bed.workspaceId,
      Array.from({ length: count }, (_, i) => ({ lifecycleStage: "active" as const, lastOrderAt: AT - (i + 1) * 60_000, orderCount: 1 + (i % 3), totalSpent: i * 10 })),
    );
    const report = await recomputeRfm(openWorkspace(env, bed.workspaceId));
    expect(report.scored).toBe(count);
    const counts = await env.DB.prepare("select rfm_r as r, count(*) as n from customers where workspace_id = ? group by rfm_r order by rfm_r")
      .bind(bed.workspaceId)
      .all<{ r: number; n: number }>();
    // Distinct recencies split into five equal fifths.
    expect(counts.results).toEqual([1, 2, 3, 4, 5].map((r) => ({ r, n: count / 5 })));
    expect((await scoresOf([ids[0]!]))[0]).toMatch(/^R5/);
    expect((await scoresOf([ids.at(-1)!]))[0]).toMatch(/^R1/);
  });

  it("scores a large workspace in a handful of D1 queries, as the Workers Free plan's 50 per invocation requires", async () => {
    const bed = await createPluginTestbed({ plugins: [] });
    const count = RFM_BATCH * 6 + 7;
    await seedCustomers(
      bed.workspaceId,
      Array.from({ length: count }, (_, i) => ({ lifecycleStage: "active" as const, lastOrderAt: AT - (i + 1) * 60_000, orderCount: 1 + (i % 4), totalSpent: i * 7 })),
    );
    const usage = emptyUsage();
    const scope = { ...openWorkspace(env, bed.workspaceId), db: drizzle(meteredD1(env.DB, usage), { schema }) };
    expect((await recomputeRfm(scope)).scored).toBe(count);
    // The count, three thresholds, the ranges' bounds and one batch of range updates.
    expect(usage.calls).toBeLessThanOrEqual(6);
    const unscored = await env.DB.prepare("select count(*) as n from customers where workspace_id = ? and rfm_segment is null").bind(bed.workspaceId).first<{ n: number }>();
    expect(unscored!.n).toBe(0);
  });
});

describe("the daily job's writes", () => {
  it("writes only the customers whose stage or scores change, by D1's own count of rows written", async () => {
    const bed = await createPluginTestbed({ plugins: [] });
    const count = 600;
    const ids = await seedCustomers(
      bed.workspaceId,
      Array.from({ length: count }, (_, i) => ({ lifecycleStage: "active" as const, lastOrderAt: AT - (i + 1) * 3_600_000, orderCount: 1 + (i % 5), totalSpent: 1000 + i * 13 })),
    );
    const dailyRun = async (at: number) => {
      const usage = emptyUsage();
      const scope = { ...openWorkspace(env, bed.workspaceId), db: drizzle(meteredD1(env.DB, usage), { schema }) };
      const aging = await ageCustomerStages(scope, { at, lapsedDays: 180, timeZone: "Asia/Tehran" });
      await recomputeRfm(scope);
      return { rowsWritten: usage.rowsWritten, moved: aging.atRisk + aging.lapsed };
    };

    // The first run scores everyone: one row written per customer (no index holds the scores).
    const first = await dailyRun(AT);
    expect(first.moved).toBe(0);
    expect(first.rowsWritten).toBe(count);
    // The next day nothing changed: nothing is written.
    expect(await dailyRun(AT + DAY)).toEqual({ rowsWritten: 0, moved: 0 });
    // One customer buys again: only the customers whose scores that moves are written.
    await env.DB.prepare("update customers set last_order_at = ?, order_count = order_count + 1, total_spent = total_spent + 5000 where id = ?")
      .bind(AT + DAY, ids.at(-1))
      .run();
    const after = await dailyRun(AT + 2 * DAY);
    expect(after.rowsWritten).toBeGreaterThan(0);
    expect(after.rowsWritten).toBeLessThan(count / 10);
  });
});
