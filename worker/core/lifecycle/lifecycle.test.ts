import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createPluginTestbed } from "../../../test/support/plugin-harness";
import { AGING_BATCH } from "./age-stages";
import { DAILY_CUSTOMER_JOB } from "./run-daily-customer-jobs";
import { atRiskDays } from "./stage-windows";
import { DAY, seedCustomers } from "./testing";

const MINUTE = 60_000;

async function stagesOf(ids: string[]): Promise<string[]> {
  const rows = await env.DB.prepare("select id, lifecycle_stage from customers where id in (select value from json_each(?))")
    .bind(JSON.stringify(ids))
    .all<{ id: string; lifecycle_stage: string }>();
  const byId = new Map(rows.results.map((row) => [row.id, row.lifecycle_stage]));
  return ids.map((id) => byId.get(id)!);
}

const stageChanges = async (workspaceId: string) =>
  (
    await env.DB.prepare("select customer_id, from_stage, to_stage, cause, at from customer_stage_changes where workspace_id = ? order by at, customer_id")
      .bind(workspaceId)
      .all<{ customer_id: string; from_stage: string; to_stage: string; cause: string; at: number }>()
  ).results;

const stageEvents = async (workspaceId: string) =>
  (
    await env.DB.prepare("select payload from events where workspace_id = ? and name = 'customer.stage_changed' order by id")
      .bind(workspaceId)
      .all<{ payload: string }>()
  ).results.map((row) => JSON.parse(row.payload));

const lastRun = (workspaceId: string) =>
  env.DB.prepare("select last_run_at, last_status, last_error from core_job_runs where workspace_id = ? and job_id = ?")
    .bind(workspaceId, DAILY_CUSTOMER_JOB)
    .first<{ last_run_at: number; last_status: string; last_error: string | null }>();

// 21:00 UTC is 00:30 the next day in Tehran (UTC+03:30): the start of a local day.
const T = Date.UTC(2025, 5, 10, 21, 0);

describe("the daily lifecycle job", () => {
  it("moves buying customers to at_risk and lapsed at the window boundaries, with a stage-change row and an event each", async () => {
    const bed = await createPluginTestbed({ plugins: [] });
    expect(atRiskDays(180)).toBe(120);
    const ids = await seedCustomers(bed.workspaceId, [
      { lifecycleStage: "active", lastOrderAt: T - 120 * DAY, orderCount: 2 }, // exactly 120 days: at risk
      { lifecycleStage: "active", lastOrderAt: T - 120 * DAY + MINUTE, orderCount: 2 }, // a minute short
      { lifecycleStage: "new", lastOrderAt: T - 180 * DAY, orderCount: 1 }, // exactly 180 days: lapsed
      { lifecycleStage: "won_back", lastOrderAt: T - 180 * DAY + MINUTE, orderCount: 3 }, // a minute short of lapsed: at risk
      { lifecycleStage: "at_risk", lastOrderAt: T - 200 * DAY, orderCount: 1 }, // at risk becomes lapsed
      { lifecycleStage: "lapsed", lastOrderAt: T - 400 * DAY, orderCount: 1 }, // already lapsed: untouched
      { lifecycleStage: "prospect" }, // never bought: untouched
      { lifecycleStage: "active", lastOrderAt: T - 300 * DAY, orderCount: 4, erasedAt: T - DAY }, // erased: untouched
    ]);
    const [a, , c, d, e] = ids;

    await bed.tick(new Date(T));
    expect(await stagesOf(ids)).toEqual(["at_risk", "active", "lapsed", "at_risk", "lapsed", "lapsed", "prospect", "active"]);
    expect(await stageChanges(bed.workspaceId)).toEqual(
      [
        { customer_id: a, from_stage: "active", to_stage: "at_risk", cause: "schedule", at: T },
        { customer_id: c, from_stage: "new", to_stage: "lapsed", cause: "schedule", at: T },
        { customer_id: d, from_stage: "won_back", to_stage: "at_risk", cause: "schedule", at: T },
        { customer_id: e, from_stage: "at_risk", to_stage: "lapsed", cause: "schedule", at: T },
      ].sort((x, y) => x.customer_id!.localeCompare(y.customer_id!)),
    );
    const events = await stageEvents(bed.workspaceId);
    expect(events).toHaveLength(4);
    expect(events).toEqual(
      expect.arrayContaining([
        { customerId: a, from: "active", to: "at_risk", cause: "schedule" },
        { customerId: c, from: "new", to: "lapsed", cause: "schedule" },
        { customerId: d, from: "won_back", to: "at_risk", cause: "schedule" },
        { customerId: e, from: "at_risk", to: "lapsed", cause: "schedule" },
      ]),
    );
    expect(await lastRun(bed.workspaceId)).toEqual({ last_run_at: T, last_status: "ok", last_error: null });
  });

  it("runs once per local day, the day starting at the workspace's midnight", async () => {
    const bed = await createPluginTestbed({ plugins: [] });
    const start = Date.UTC(2025, 6, 1, 20, 0); // 23:30 in Tehran
    const [late] = await seedCustomers(bed.workspaceId, [{ lifecycleStage: "active", lastOrderAt: start - 10 * DAY, orderCount: 2 }]);
    await bed.tick(new Date(start));
    expect((await lastRun(bed.workspaceId))?.last_run_at).toBe(start);

    // The order ages past 120 days, but it is still the same local day: nothing runs.
    await env.DB.prepare("update customers set last_order_at = ? where id = ?").bind(start - 130 * DAY, late).run();
    await bed.tick(new Date(start + 20 * MINUTE)); // 23:50 in Tehran
    expect(await stagesOf([late!])).toEqual(["active"]);
    expect((await lastRun(bed.workspaceId))?.last_run_at).toBe(start);

    // 00:10 in Tehran (still 20:40 UTC, the same UTC day): a new local day, so it runs.
    await bed.tick(new Date(start + 40 * MINUTE));
    expect(await stagesOf([late!])).toEqual(["at_risk"]);
    expect((await lastRun(bed.workspaceId))?.last_run_at).toBe(start + 40 * MINUTE);
    // Later ticks that day change nothing more.
    await bed.tick(new Date(start + 3 * 60 * MINUTE));
    expect(await stageChanges(bed.workspaceId)).toHaveLength(1);
  });

  it("keeps to each workspace's own lapsed window", async () => {
    const short = await createPluginTestbed({ plugins: [] });
    const standard = await createPluginTestbed({ plugins: [] });
    expect((await short.owner.patch("/api/settings", { lapsedDays: 30 })).status).toBe(200);
    const at = Date.UTC(2025, 7, 1, 21, 0);
    const shortIds = await seedCustomers(short.workspaceId, [
      { lifecycleStage: "active", lastOrderAt: at - 31 * DAY, orderCount: 2 },
      { lifecycleStage: "active", lastOrderAt: at - 20 * DAY, orderCount: 2 }, // 30 × 2/3 = 20 days: at risk
      { lifecycleStage: "active", lastOrderAt: at - 19 * DAY, orderCount: 2 },
    ]);
    const standardIds = await seedCustomers(standard.workspaceId, [
      { lifecycleStage: "active", lastOrderAt: at - 31 * DAY, orderCount: 2 },
      { lifecycleStage: "active", lastOrderAt: at - 20 * DAY, orderCount: 2 },
    ]);
    await short.tick(new Date(at));
    expect(await stagesOf(shortIds)).toEqual(["lapsed", "at_risk", "active"]);
    expect(await stagesOf(standardIds)).toEqual(["active", "active"]);
  });

  it(`moves a large workspace in batches of ${AGING_BATCH}`, async () => {
    const bed = await createPluginTestbed({ plugins: [] });
    const at = Date.UTC(2025, 8, 1, 21, 0);
    const count = AGING_BATCH * 2 + 37;
    const ids = await seedCustomers(
      bed.workspaceId,
      Array.from({ length: count }, (_, i) => ({ lifecycleStage: "active" as const, lastOrderAt: at - (200 + (i % 7)) * DAY, orderCount: 1 })),
    );
    await bed.tick(new Date(at));
    expect(new Set(await stagesOf(ids))).toEqual(new Set(["lapsed"]));
    expect(await stageChanges(bed.workspaceId)).toHaveLength(count);
    expect(await stageEvents(bed.workspaceId)).toHaveLength(count);
  });

  it("uses the (workspace, stage, last order) index to find customers to move", async () => {
    const plan = await env.DB.prepare(
      "explain query plan select id, lifecycle_stage from customers where workspace_id = ? and lifecycle_stage in ('new','active','won_back','at_risk') and last_order_at <= ? and erased_at is null and merged_into is null limit 100",
    )
      .bind("ws", 0)
      .all<{ detail: string }>();
    expect(plan.results.map((row) => row.detail).join("\n")).toContain("customers_workspace_stage_last_order_idx");
  });

  it("records a failing workspace and still runs the others", async () => {
    const broken = await createPluginTestbed({ plugins: [] });
    const healthy = await createPluginTestbed({ plugins: [] });
    const at = Date.UTC(2025, 9, 1, 21, 0);
    // A monetary value that is not a number makes the RFM pass of this workspace fail.
    const [brokenCustomer] = await seedCustomers(broken.workspaceId, [{ lifecycleStage: "active", lastOrderAt: at - 200 * DAY, orderCount: 1 }]);
    await env.DB.prepare("update customers set total_spent = 'lots' where id = ?").bind(brokenCustomer).run();
    const [fine] = await seedCustomers(healthy.workspaceId, [{ lifecycleStage: "active", lastOrderAt: at - 200 * DAY, orderCount: 1 }]);
    // A workspace whose time zone cannot be read is skipped, not fatal.
    const odd = await createPluginTestbed({ plugins: [] });
    await env.DB.prepare("update workspaces set time_zone = 'Mars/Olympus' where id = ?").bind(odd.workspaceId).run();

    await healthy.tick(new Date(at));
    expect(await lastRun(broken.workspaceId)).toMatchObject({ last_run_at: at, last_status: "failed", last_error: expect.stringContaining("rfm") });
    // Its stage pass still committed.
    expect(await stagesOf([brokenCustomer!])).toEqual(["lapsed"]);
    expect(await lastRun(healthy.workspaceId)).toMatchObject({ last_status: "ok" });
    expect(await stagesOf([fine!])).toEqual(["lapsed"]);
    expect(await lastRun(odd.workspaceId)).toBeNull();
  });
});
