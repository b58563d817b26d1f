// Flows entered in bulk by the scheduled jobs: a customer newly in a saved segment (once per
// entry), a recurring flow on a weekday at a local time, and birthdays of a workspace of hundreds
// of customers, every invocation within the Free plan's 50 D1 queries.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countRows, createPluginTestbed } from "../../worker/plugin-api/testing";
import { automationPlugin } from "./index";

const BASE = "/api/plugins/automation";
const MINUTE = 60_000;

type Bed = Awaited<ReturnType<typeof createPluginTestbed>>;

afterEach(() => vi.restoreAllMocks());

const text = (en: string) => ({ en, fa: en });
const enrolled = (bed: Bed, customerId: string) => countRows("automation_enrollments", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId);
const smsCount = (bed: Bed) => countRows("messages", "workspace_id = ? and sent_by_plugin = 'automation'", bed.workspaceId);

async function publishedFlow(bed: Bed, definition: Record<string, unknown>): Promise<string> {
  const created = await bed.owner.post(`${BASE}/flows`, { name: "Flow", definition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await bed.owner.post(`${BASE}/flows/${created.body.id}/publish`, {})).status).toBe(200);
  return created.body.id;
}

/** Customers with a mobile and SMS consent written straight to the database (the API would take minutes for hundreds). */
async function seedCustomers(workspaceId: string, count: number, birthday: string | null): Promise<string[]> {
  const ids: string[] = [];
  const time = Date.now();
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < count; i++) {
    const id = `cus_bday${String(i).padStart(5, "0")}_${workspaceId.slice(-6)}`;
    const mobile = `+98938${String(i).padStart(7, "0")}`;
    ids.push(id);
    statements.push(
      env.DB.prepare(
        `insert into customers (id, workspace_id, cid, code, kind, first_name, display_name, name_key, tags, consent_sms, attributes, lifecycle_stage, order_count, total_spent, birthday, created_at, updated_at)
         values (?, ?, ?, ?, 'person', 'Tavalod', 'Tavalod', 'tavalod', '[]', 'granted', '{}', 'new', 0, 0, ?, ?, ?)`,
      ).bind(id, workspaceId, mobile, `B-${i}`, birthday, time, time),
      env.DB.prepare(`insert into customer_identifiers (id, workspace_id, customer_id, kind, value, created_at) values (?, ?, ?, 'mobile', ?, ?)`).bind(`idf_${id}`, workspaceId, id, mobile, time),
    );
  }
  for (let start = 0; start < statements.length; start += 400) await env.DB.batch(statements.slice(start, start + 400));
  return ids;
}

/** The D1 calls of every invocation while `run` runs (the Worker's d1-meter lines). */
async function meteredInvocations(run: () => Promise<unknown>): Promise<number[]> {
  const calls: number[] = [];
  const log = console.log.bind(console);
  const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => {
    if (typeof line === "string" && line.startsWith("d1-meter ")) calls.push(Number(JSON.parse(line.slice("d1-meter ".length)).calls));
    else log(line);
  });
  await run();
  spy.mockRestore();
  return calls;
}

describe("flow entries", () => {
  it("enters a customer who newly matches a saved segment once per entry, and not those in it when the flow was published", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const segment = await bed.owner.post("/api/segments", { name: "VIP", filter: { tags: { any: ["vip"] } } });
    expect(segment.status).toBe(201);
    const already = (await bed.owner.post("/api/customers", { firstName: "Already", mobile: "09121130001", tags: ["vip"], consent: { sms: "granted" } })).body.id;
    const later = (await bed.owner.post("/api/customers", { firstName: "Later", mobile: "09121130002", consent: { sms: "granted" } })).body.id;
    await publishedFlow(bed, {
      trigger: { type: "segment", segmentId: segment.body.id },
      reentry: { policy: "after_days", days: 1 },
      steps: [{ type: "send", channel: "sms", transactional: true, body: text("Welcome to VIP, {firstName}") }],
    });
    const start = Date.now();
    await bed.tick(new Date(start + MINUTE)); // the first scan records who is in it
    expect(await countRows("automation_segment_members", "workspace_id = ?", bed.workspaceId)).toBe(1);
    expect(await enrolled(bed, already)).toBe(0);

    expect((await bed.owner.patch(`/api/customers/${later}`, { tags: ["vip"] })).status).toBe(200);
    await bed.tick(new Date(start + 5 * MINUTE)); // not yet time for the next scan
    expect(await enrolled(bed, later)).toBe(0);
    await bed.tick(new Date(start + 12 * MINUTE));
    await bed.tick(new Date(start + 13 * MINUTE));
    expect(await enrolled(bed, later)).toBe(1);
    await bed.tick(new Date(start + 25 * MINUTE)); // still in it: not new again
    expect(await smsCount(bed)).toBe(1);
    expect(await enrolled(bed, already)).toBe(0);

    // Leaving and coming back (after the re-entry policy's day) is a new entry.
    expect((await bed.owner.patch(`/api/customers/${later}`, { tags: [] })).status).toBe(200);
    await bed.tick(new Date(start + 40 * MINUTE));
    expect(await countRows("automation_segment_members", "workspace_id = ? and customer_id = ?", bed.workspaceId, later)).toBe(0);
    expect((await bed.owner.patch(`/api/customers/${later}`, { tags: ["vip"] })).status).toBe(200);
    await bed.tick(new Date(start + 26 * 60 * MINUTE));
    await bed.tick(new Date(start + 26 * 60 * MINUTE + MINUTE));
    expect(await smsCount(bed)).toBe(2);
    expect(await countRows("automation_enrollments", "workspace_id = ? and customer_id = ? and round = 1", bed.workspaceId, later)).toBe(1);
  });

  it("runs a recurring flow on its weekday at the local time, for the customers matching its conditions, once per occurrence", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const fan = (await bed.owner.post("/api/customers", { firstName: "Fan", mobile: "09121130011", tags: ["weekly"], consent: { sms: "granted" } })).body.id;
    const other = (await bed.owner.post("/api/customers", { firstName: "Other", mobile: "09121130012", consent: { sms: "granted" } })).body.id;
    const flowId = await publishedFlow(bed, {
      // Saturday (6) at 11:00 Tehran; back in a week later.
      trigger: { type: "recurring", weekday: 6, at: "11:00" },
      conditions: { tags: { any: ["weekly"] } },
      reentry: { policy: "after_days", days: 6 },
      steps: [{ type: "send", channel: "sms", body: text("This week's picks, {firstName}") }],
    });
    const flow = await env.DB.prepare("select next_run_at from automation_flows where id = ?").bind(flowId).first<{ next_run_at: number }>();
    const first = new Date(flow!.next_run_at);
    // 11:00 in Tehran is 07:30 UTC, on a Saturday.
    expect(first.toISOString().slice(11, 16)).toBe("07:30");
    expect(first.getUTCDay()).toBe(6);
    await bed.tick(new Date(flow!.next_run_at - MINUTE));
    expect(await enrolled(bed, fan)).toBe(0);
    await bed.tick(new Date(flow!.next_run_at));
    await bed.tick(new Date(flow!.next_run_at + MINUTE));
    expect(await countRows("messages", "workspace_id = ? and customer_id = ?", bed.workspaceId, fan)).toBe(1);
    expect(await enrolled(bed, other)).toBe(0);
    // The next Saturday, again.
    const week = 7 * 24 * 60 * MINUTE;
    expect((await env.DB.prepare("select next_run_at from automation_flows where id = ?").bind(flowId).first<{ next_run_at: number }>())!.next_run_at).toBe(flow!.next_run_at + week);
    await bed.tick(new Date(flow!.next_run_at + week));
    expect(await countRows("messages", "workspace_id = ? and customer_id = ?", bed.workspaceId, fan)).toBe(2);
  });

  it("greets two hundred birthdays in chunks, each once, every invocation within 50 D1 queries", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin], env: { D1_METER: "on", D1_QUERIES_PER_INVOCATION: "50" } });
    await publishedFlow(bed, {
      trigger: { type: "date", field: "birthday", calendar: "gregorian", at: "10:00" },
      steps: [{ type: "send", channel: "sms", transactional: true, body: text("Happy birthday {firstName}") }],
    });
    const ids = await seedCustomers(bed.workspaceId, 200, "1990-05-20");
    const calls = await meteredInvocations(async () => {
      await bed.tick(new Date("2027-05-19T20:40:00Z")); // 00:10 on 20 May in Tehran: they enter and wait for 10:00
      expect(await countRows("automation_enrollments", "workspace_id = ? and status = 'waiting'", bed.workspaceId)).toBe(200);
      expect(await smsCount(bed)).toBe(0);
      await bed.tick(new Date("2027-05-20T06:31:00Z")); // 10:01
      await bed.tick(new Date("2027-05-20T06:32:00Z"));
    });
    expect(calls.length).toBeGreaterThan(50);
    expect(Math.max(...calls)).toBeLessThanOrEqual(50);
    expect(await smsCount(bed)).toBe(200);
    const distinct = await env.DB.prepare("select count(distinct customer_id) as n from messages where workspace_id = ?").bind(bed.workspaceId).first<{ n: number }>();
    expect(distinct!.n).toBe(ids.length);
  });

  it("wakes twenty-five customers into a long run of steps (more than one run takes) without any invocation passing 50 D1 queries, each step once", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin], env: { D1_METER: "on", D1_QUERIES_PER_INVOCATION: "50" } });
    const sends = Array.from({ length: 12 }, (_, n) => ({ type: "send", channel: "sms", transactional: true, body: text(`Note ${n + 1} for {firstName}`) }));
    await publishedFlow(bed, { trigger: { type: "date", field: "birthday", calendar: "gregorian", at: "10:00" }, steps: [...sends, { type: "add_tag", tag: "greeted" }] });
    await seedCustomers(bed.workspaceId, 25, "1990-05-20");
    const calls = await meteredInvocations(async () => {
      await bed.tick(new Date("2027-05-19T20:40:00Z"));
      await bed.tick(new Date("2027-05-20T06:31:00Z"));
    });
    expect(Math.max(...calls)).toBeLessThanOrEqual(50);
    expect(await smsCount(bed)).toBe(25 * 12);
    expect(await countRows("automation_enrollments", "workspace_id = ? and status = 'completed'", bed.workspaceId)).toBe(25);
    expect(await countRows("customer_tags", "workspace_id = ? and tag = 'greeted'", bed.workspaceId)).toBe(25);
  });
});
