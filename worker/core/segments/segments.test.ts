import { z } from "@hono/zod-openapi";
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createPluginTestbed } from "../../../test/support/plugin-harness";
import type { ApiClient } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { customers } from "../data/schema";
import { seedCustomers } from "../lifecycle/testing";
import { compileSegmentFilter } from "./segment-filter";
import { registerSegmentField, unregisterSegmentField } from "./segment-fields";
import { matchingPageQuery } from "./segments.repository";

type Bed = Awaited<ReturnType<typeof createPluginTestbed>>;
let bed: Bed;
let owner: ApiClient;
const ids: Record<string, string> = {};

async function setFigures(id: string, figures: Record<string, string | number | null>) {
  const columns = Object.keys(figures);
  await env.DB.prepare(`update customers set ${columns.map((column) => `${column} = ?`).join(", ")} where id = ?`)
    .bind(...Object.values(figures), id)
    .run();
}

beforeAll(async () => {
  bed = await createPluginTestbed({ plugins: [] });
  owner = bed.owner;
  const people = {
    ali: { firstName: "Ali", mobile: "09120000001", city: "Tehran", province: "Tehran", tags: ["vip", "instagram"], consent: { sms: "granted" } },
    sara: { firstName: "Sara", mobile: "09120000002", city: "Shiraz", province: "Fars", tags: ["instagram"], consent: { email: "granted" } },
    reza: { firstName: "Reza", mobile: "09120000003", city: "Tehran", province: "Tehran", tags: ["vip"], consent: { sms: "withdrawn" } },
    nima: { firstName: "Nima", mobile: "09120000004", city: "Isfahan", province: "Isfahan" },
    mina: { firstName: "Mina", mobile: "09120000005", city: "Karaj", province: "Alborz", tags: ["vip", "telegram"], consent: { sms: "granted", email: "granted" } },
  };
  for (const [key, person] of Object.entries(people)) {
    const response = await owner.post("/api/customers", person);
    expect(response.status, response.text).toBe(201);
    ids[key] = response.body.id;
  }
  const at = (iso: string) => Date.parse(iso);
  await setFigures(ids.ali!, { lifecycle_stage: "active", rfm_r: 5, rfm_f: 4, rfm_m: 5, rfm_segment: "R5F4M5", value_tier: "high", total_spent: 5_000_000, order_count: 4, last_order_at: at("2025-03-10T12:00:00Z") });
  await setFigures(ids.sara!, { lifecycle_stage: "at_risk", rfm_r: 2, rfm_f: 2, rfm_m: 3, rfm_segment: "R2F2M3", value_tier: "low", total_spent: 800_000, order_count: 2, last_order_at: at("2024-12-01T08:00:00Z") });
  await setFigures(ids.reza!, { lifecycle_stage: "lapsed", rfm_r: 1, rfm_f: 1, rfm_m: 2, rfm_segment: "R1F1M2", value_tier: "low", total_spent: 300_000, order_count: 1, last_order_at: at("2024-06-01T08:00:00Z") });
  // 21:00 UTC on the 19th is 00:30 on the 20th in Tehran, the workspace's time zone.
  await setFigures(ids.mina!, { lifecycle_stage: "new", rfm_r: 4, rfm_f: 1, rfm_m: 4, rfm_segment: "R4F1M4", value_tier: "medium", total_spent: 2_000_000, order_count: 1, last_order_at: at("2025-03-19T21:00:00Z") });
});

async function preview(filter: Record<string, unknown>) {
  const response = await owner.post("/api/segments/preview", { filter });
  expect(response.status, response.text).toBe(200);
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return { total: response.body.total as number, names: (response.body.sample as Array<{ id: string }>).map((c) => names[c.id]).sort() };
}

describe("segment filters", () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["no filter: every live customer", {}, ["ali", "mina", "nima", "reza", "sara"]],
    ["stages", { stages: ["at_risk", "lapsed"] }, ["reza", "sara"]],
    ["rfm: recency from 4", { rfm: { r: { min: 4 } } }, ["ali", "mina"]],
    ["rfm: monetary 3 to 4 and frequency up to 1", { rfm: { m: { min: 3, max: 4 }, f: { max: 1 } } }, ["mina"]],
    ["value tier", { valueTiers: ["low"] }, ["reza", "sara"]],
    ["tags, any", { tags: { any: ["instagram", "telegram"] } }, ["ali", "mina", "sara"]],
    ["tags, all", { tags: { all: ["vip", "instagram"] } }, ["ali"]],
    ["tags, any and all", { tags: { any: ["telegram", "instagram"], all: ["vip"] } }, ["ali", "mina"]],
    ["cities", { cities: ["Tehran"] }, ["ali", "reza"]],
    ["provinces", { provinces: ["Fars", "Alborz"] }, ["mina", "sara"]],
    ["total spent range", { totalSpent: { min: 800_000, max: 2_000_000 } }, ["mina", "sara"]],
    ["order count at least", { orderCount: { min: 2 } }, ["ali", "sara"]],
    ["order count none", { orderCount: { max: 0 } }, ["nima"]],
    ["last order after a local date", { lastOrderAfter: "2025-03-20" }, ["mina"]],
    ["last order before a local date", { lastOrderBefore: "2025-03-20" }, ["ali", "reza", "sara"]],
    ["last order after an instant", { lastOrderAfter: "2025-03-19T21:00:01Z" }, []],
    ["last order within a range", { lastOrderAfter: "2024-06-01", lastOrderBefore: "2025-01-01" }, ["reza", "sara"]],
    ["sms consent granted", { consent: { sms: true } }, ["ali", "mina"]],
    ["both consents granted", { consent: { sms: true, email: true } }, ["mina"]],
    ["sms consent not granted", { consent: { sms: false } }, ["nima", "reza", "sara"]],
    [
      "a combination",
      { stages: ["active", "new"], tags: { any: ["vip"] }, consent: { sms: true }, provinces: ["Alborz", "Tehran"], totalSpent: { max: 3_000_000 } },
      ["mina"],
    ],
  ];
  for (const [label, filter, expected] of cases) {
    it(`selects by ${label}`, async () => {
      expect(await preview(filter)).toEqual({ total: expected.length, names: expected });
    });
  }

  it("shows the sample masked, like the customer list", async () => {
    const response = await owner.post("/api/segments/preview", { filter: { cities: ["Karaj"] } });
    expect(response.body.sample).toHaveLength(1);
    expect(response.body.sample[0]).toMatchObject({ id: ids.mina, mobile: "0912*****05", piiMasked: true, rfmSegment: "R4F1M4" });
    const listed = (await owner.get("/api/customers?city=Karaj")).body.items[0];
    expect(response.body.sample[0]).toEqual(listed);
  });

  it("rejects a bad filter with the path of each bad field", async () => {
    const response = await owner.post("/api/segments/preview", {
      filter: { stages: ["gone"], rfm: { r: { min: 4, max: 2 } }, loyaltyTier: "gold", lastOrderAfter: "yesterday", totalSpent: { min: -1 }, tags: {} },
    });
    expect(response.status).toBe(400);
    const errors = Object.fromEntries((response.body.errors as Array<{ path: string; code: string }>).map((e) => [e.path, e.code]));
    expect(errors).toMatchObject({
      "body.filter.stages.0": "invalid_value",
      "body.filter.rfm.r.max": "invalid_range",
      "body.filter.loyaltyTier": "unknown_filter_field",
      "body.filter.lastOrderAfter": "invalid_date",
      "body.filter.totalSpent.min": "too_small",
      "body.filter.tags": "nothing_to_change",
    });
    const fa = await owner.withLanguage("fa").post("/api/segments/preview", { filter: { loyaltyTier: "gold" } });
    expect(fa.body.errors[0].message).toBe("چنین فیلد فیلتری وجود ندارد.");
  });

  it("accepts fields a plugin registers, validated by their own schema", async () => {
    registerSegmentField({
      name: "testCapital",
      source: "test-plugin",
      schema: z.boolean(),
      compile: (capital) => (capital ? eq(customers.province, "Tehran") : eq(customers.province, "Fars")),
    });
    try {
      expect(await preview({ testCapital: true })).toEqual({ total: 2, names: ["ali", "reza"] });
      expect(await preview({ testCapital: false, consent: { email: true } })).toEqual({ total: 1, names: ["sara"] });
      const bad = await owner.post("/api/segments/preview", { filter: { testCapital: "yes" } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe("body.filter.testCapital");
      const saved = await owner.post("/api/segments", { name: "Capital", filter: { testCapital: true } });
      expect(saved.status).toBe(201);
      expect((await owner.get(`/api/segments/${saved.body.id}/customers`)).body.items).toHaveLength(2);
      unregisterSegmentField("testCapital");
      // Once its contributor is gone, a saved segment using the field matches nobody rather than everybody.
      expect((await owner.get(`/api/segments/${saved.body.id}/customers`)).body.items).toEqual([]);
    } finally {
      unregisterSegmentField("testCapital");
    }
  });
});

describe("saved segments", () => {
  it("are created, read, listed, changed and deleted, and list their customers", async () => {
    const created = await owner.post("/api/segments", { name: "Tehran", description: "Customers in the capital", filter: { cities: ["Tehran"] } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: "Tehran", description: "Customers in the capital", filter: { cities: ["Tehran"] }, createdBy: bed.me.user.id });
    const id = created.body.id;
    expect((await owner.get(`/api/segments/${id}`)).body).toEqual(created.body);
    expect((await owner.get("/api/segments")).body.items.map((s: { id: string }) => s.id)).toContain(id);
    const members = await owner.get(`/api/segments/${id}/customers`);
    expect(members.body.items.map((c: { id: string }) => c.id)).toEqual([ids.reza, ids.ali]);
    expect(members.body.items[0].mobile).toBe("0912*****03");

    const changed = await owner.patch(`/api/segments/${id}`, { name: "Big spenders", description: null, filter: { totalSpent: { min: 1_000_000 } } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: "Big spenders", description: null, filter: { totalSpent: { min: 1_000_000 } } });
    expect((await owner.get(`/api/segments/${id}/customers`)).body.items.map((c: { id: string }) => c.id)).toEqual([ids.mina, ids.ali]);
    expect((await owner.patch(`/api/segments/${id}`, {})).body.errors[0].code).toBe("nothing_to_change");

    const actions = await env.DB.prepare("select action from audit_log where workspace_id = ? and entity_id = ? order by id").bind(bed.workspaceId, id).all<{ action: string }>();
    expect(actions.results.map((row) => row.action)).toEqual(["segment.created", "segment.updated"]);

    expect((await owner.delete(`/api/segments/${id}`)).status).toBe(204);
    expect((await owner.get(`/api/segments/${id}`)).status).toBe(404);
    expect((await owner.get(`/api/segments/${id}/customers`)).status).toBe(404);
  });

  it("are searched inside: the search box narrows a segment's customers by name or identifier, and its export follows", async () => {
    const created = await owner.post("/api/segments", { name: "VIP", filter: { tags: { any: ["vip"] } } });
    expect(created.status, created.text).toBe(201);
    const inside = async (q: string) => (await owner.get(`/api/segments/${created.body.id}/customers?q=${encodeURIComponent(q)}`)).body.items.map((c: { id: string }) => c.id);
    expect(await inside("mi")).toEqual([ids.mina]);
    expect(await inside("0912 000 0003")).toEqual([ids.reza]);
    // Sara matches the search but is not in the segment.
    expect(await inside("sara")).toEqual([]);
    const csv = await owner.get(`/api/export/customers.csv?segmentId=${created.body.id}&q=ali`);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split("\r\n").slice(1).map((line: string) => line.split(",")[3])).toEqual(["Ali"]);
    expect((await owner.get(`/api/segments/${created.body.id}/customers?q=${"x".repeat(101)}`)).status).toBe(400);
  });

  it("page a segment's customers with the cursor, without gaps, and the preview counts them all", async () => {
    const paging = await createPluginTestbed({ plugins: [] });
    const seeded = await seedCustomers(
      paging.workspaceId,
      Array.from({ length: 23 }, (_, i) => ({ city: i % 3 === 0 ? "Qom" : "Rasht", lifecycleStage: "active" as const })),
    );
    const segment = await paging.owner.post("/api/segments", { name: "Rasht", filter: { cities: ["Rasht"] } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: { items: Array<{ id: string; city: string }>; nextCursor: string | null } } = await paging.owner.get(
        `/api/segments/${segment.body.id}/customers?limit=4${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.body.items.every((c) => c.city === "Rasht")).toBe(true);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    const expected = seeded.filter((_, i) => i % 3 !== 0).reverse();
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 4));
    const counted = await paging.owner.post("/api/segments/preview", { filter: { cities: ["Rasht"] } });
    expect(counted.body.total).toBe(seen.length);
    expect((await paging.owner.get(`/api/segments/${segment.body.id}/customers?cursor=nonsense`)).status).toBe(400);
  });

  it("page through an index, never sorting the workspace", async () => {
    const scope = openWorkspace(env, bed.workspaceId);
    for (const filter of [{}, { stages: ["lapsed"] }, { cities: ["Tehran"] }, { tags: { any: ["vip"] } }]) {
      const query = matchingPageQuery(scope, compileSegmentFilter(filter, scope, "Asia/Tehran"), "cus_zzzz", 50).toSQL();
      const plan = await env.DB.prepare(`explain query plan ${query.sql}`)
        .bind(...query.params)
        .all<{ detail: string }>();
      const details = plan.results.map((row) => row.detail).join("\n");
      expect(details, JSON.stringify(filter)).toMatch(/USING (COVERING )?INDEX customers_workspace_/);
      expect(details, JSON.stringify(filter)).not.toContain("TEMP B-TREE");
    }
  });

  it("are read by a viewer but saved only with segments:manage", async () => {
    const viewer = await bed.member("viewer");
    const manager = await bed.member("manager");
    const saved = await manager.post("/api/segments", { name: "By manager", filter: { stages: ["new"] } });
    expect(saved.status).toBe(201);
    expect((await viewer.get("/api/segments")).status).toBe(200);
    expect((await viewer.get(`/api/segments/${saved.body.id}`)).status).toBe(200);
    expect((await viewer.get(`/api/segments/${saved.body.id}/customers`)).body.items.map((c: { id: string }) => c.id)).toEqual([ids.mina]);
    expect((await viewer.post("/api/segments/preview", { filter: {} })).status).toBe(200);
    for (const response of [
      await viewer.post("/api/segments", { name: "Nope", filter: {} }),
      await viewer.patch(`/api/segments/${saved.body.id}`, { name: "Nope" }),
      await viewer.delete(`/api/segments/${saved.body.id}`),
    ]) {
      expect(response.status).toBe(403);
    }
  });

  it("are invisible to another workspace", async () => {
    const other = await createPluginTestbed({ plugins: [] });
    const theirs = await other.owner.post("/api/segments", { name: "Theirs", filter: {} });
    expect(theirs.status).toBe(201);
    for (const response of [
      await owner.get(`/api/segments/${theirs.body.id}`),
      await owner.get(`/api/segments/${theirs.body.id}/customers`),
      await owner.patch(`/api/segments/${theirs.body.id}`, { name: "Mine" }),
      await owner.delete(`/api/segments/${theirs.body.id}`),
    ]) {
      expect(response.status).toBe(404);
    }
    expect((await owner.get("/api/segments")).body.items.map((s: { id: string }) => s.id)).not.toContain(theirs.body.id);
    // Their segment of every customer shows only their customers.
    expect((await other.owner.get(`/api/segments/${theirs.body.id}/customers`)).body.items).toEqual([]);
  });
});
