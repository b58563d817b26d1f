// Flows of the automation plugin: entered once per customer and version however often the trigger
// comes, steps run once, waits kept as rows and woken by the minute tick on a controlled clock,
// Jalali birthdays on the right day, splits, pausing and the kill switch, versions, goals.
import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { UiSurface } from "../../worker/plugin-api";
import { countRows, createPluginTestbed } from "../../worker/plugin-api/testing";
import { plugins } from "../registry";
import { automationPlugin } from "./index";

const BASE = "/api/plugins/automation";
const DAY = 86_400_000;

type Bed = Awaited<ReturnType<typeof createPluginTestbed>>;

const smsTo = (workspaceId: string, customerId: string) => countRows("messages", "workspace_id = ? and customer_id = ? and sent_by_plugin = 'automation'", workspaceId, customerId);

async function customer(bed: Bed, firstName: string, mobile: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await bed.owner.post("/api/customers", { firstName, mobile, consent: { sms: "granted" }, ...extra });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function publishedFlow(bed: Bed, definition: Record<string, unknown>, name = "Flow"): Promise<string> {
  const created = await bed.owner.post(`${BASE}/flows`, { name, definition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await bed.owner.post(`${BASE}/flows/${created.body.id}/publish`, {});
  expect(published.status).toBe(200);
  expect(published.body).toMatchObject({ status: "active", version: 1 });
  return created.body.id;
}

const text = (en: string) => ({ en, fa: en });

describe("flows", () => {
  it("enters a lapsed customer into the win-back flow once, sends one SMS with a valid single-use coupon, and exits them with one conversion on their next order", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation", "loyalty"] });
    const template = await bed.owner.post(`${BASE}/flows/from-template`, { template: "win-back" });
    expect(template.status).toBe(201);
    expect(template.body.draft.steps[0]).toEqual({ type: "coupon", percent: 20, expiresInDays: 10 });
    expect((await bed.owner.post(`${BASE}/flows/${template.body.id}/publish`, {})).status).toBe(200);
    const customerId = await customer(bed, "Leila", "09121110001");
    await bed.drain();
    // The same stage change delivered three times, and announced three times.
    for (let i = 0; i < 3; i++) await bed.emit("customer.stage_changed", { customerId, from: "at_risk", to: "lapsed", cause: "daily" });
    await bed.drain();
    await bed.drain();
    await bed.drain();
    expect(await countRows("automation_enrollments", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId)).toBe(1);
    expect(await smsTo(bed.workspaceId, customerId)).toBe(1);

    // One coupon of the club, for this customer, and its code is the one in the SMS.
    const coupons = await bed.owner.get(`/api/plugins/loyalty/coupons?customerId=${customerId}`);
    expect(coupons.body.items).toHaveLength(1);
    const coupon = coupons.body.items[0];
    expect(coupon).toMatchObject({ status: "active", rewardId: null, cost: 0, discount: { percent: 20 } });
    const sms = await env.DB.prepare("select body from messages where workspace_id = ? and customer_id = ? and sent_by_plugin = 'automation'").bind(bed.workspaceId, customerId).first<{ body: string }>();
    expect(sms!.body).toContain(coupon.code);
    expect(sms!.body).not.toContain("{coupon}");
    const report = (await bed.owner.get(`${BASE}/flows/${template.body.id}`)).body.report;
    expect(report.steps.slice(0, 2)).toMatchObject([
      { step: 0, outcomes: { coupon_issued: 1 } },
      { step: 1, outcomes: { sent: 1 } },
    ]);

    // The shop takes the code on the next order, once: a second use is refused.
    const used = await bed.owner.post(`/api/plugins/loyalty/coupons/${coupon.code}/use?reference=W-1001`, {});
    expect(used.status).toBe(200);
    expect(used.body).toMatchObject({ status: "used", reference: "W-1001" });
    const again = await bed.owner.post(`/api/plugins/loyalty/coupons/${coupon.code}/use?reference=W-1002`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ reason: "coupon_used" });

    const order = await bed.owner.post("/api/orders", { customerId, total: 480_000, status: "paid" });
    expect(order.status).toBe(201);
    await bed.drain();
    await bed.drain();
    const flow = (await bed.owner.get(`${BASE}/flows/${template.body.id}`)).body;
    expect(flow.report).toMatchObject({ entered: 1, exited: { goal: 1 }, conversions: 1, revenue: 480_000 });
    // The reminder never goes: they left the flow with the order; and no second coupon was made.
    await bed.tick(new Date(Date.now() + 10 * DAY));
    expect(await smsTo(bed.workspaceId, customerId)).toBe(1);
    expect(await countRows("loyalty_coupons", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId)).toBe(1);
  });

  it("finishes at the next minute tick a step whose record failed after its SMS went (the event's retry finds them enrolled), sending nothing twice", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    await publishedFlow(bed, { trigger: { type: "event", event: "customer.created" }, steps: [{ type: "send", channel: "sms", transactional: true, body: text("Welcome {firstName}") }] });
    const customerId = await customer(bed, "Crash", "09121110031");
    // D1 fails the batch that records the first step (its SMS has gone): the hook fails, and its retry finds them enrolled.
    const failOnce = vi.spyOn(bed.worker.queues.env.DB, "batch").mockRejectedValueOnce(new Error("D1 unavailable"));
    await bed.drain();
    expect(failOnce).toHaveBeenCalled();
    failOnce.mockRestore();
    await bed.drain();
    expect(await countRows("automation_enrollments", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId)).toBe(1);
    await bed.tick(new Date(Date.now() + 2 * 60_000));
    // The step runs again (the same idempotency key: core sends nothing twice) and the run completes.
    expect(await smsTo(bed.workspaceId, customerId)).toBe(1);
    const row = await env.DB.prepare("select status from automation_enrollments where workspace_id = ? and customer_id = ?").bind(bed.workspaceId, customerId).first<{ status: string }>();
    expect(row!.status).toBe("completed");
  });

  it("keeps a wait as a row and resumes it on the minute tick after its time, not before", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const flowId = await publishedFlow(bed, {
      trigger: { type: "event", event: "customer.created" },
      steps: [{ type: "wait", days: 2 }, { type: "send", channel: "sms", transactional: true, body: text("Two days with us, {firstName}") }],
    });
    const start = Date.now();
    const customerId = await customer(bed, "Omid", "09121110002");
    await bed.drain();
    expect(await countRows("automation_enrollments", "workspace_id = ? and status = 'waiting'", bed.workspaceId)).toBe(1);
    await bed.tick(new Date(start + DAY));
    expect(await smsTo(bed.workspaceId, customerId)).toBe(0);
    await bed.tick(new Date(start + 2 * DAY + 120_000));
    await bed.tick(new Date(start + 2 * DAY + 180_000)); // a second tick sends nothing more
    expect(await smsTo(bed.workspaceId, customerId)).toBe(1);
    const report = (await bed.owner.get(`${BASE}/flows/${flowId}`)).body.report;
    expect(report).toMatchObject({ entered: 1, completed: 1 });
    expect(report.steps).toMatchObject([
      { step: 0, outcomes: { waited: 1 } },
      { step: 1, outcomes: { sent: 1 } },
    ]);
  });

  it("greets a Jalali birthday on its Gregorian day in Asia/Tehran, at the flow's local time", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    await bed.owner.post(`${BASE}/flows/from-template`, { template: "birthday" }).then((flow) => bed.owner.post(`${BASE}/flows/${flow.body.id}/publish`, {}));
    // Born 1 Farvardin 1375 (20 March 1996). In 2027, 1 Farvardin is 21 March; 20 March is 29 Esfand.
    const customerId = await customer(bed, "Nowruz", "09121110003", { birthday: "1996-03-20" });
    await bed.tick(new Date("2027-03-19T20:40:00Z")); // 00:10 on 20 March in Tehran
    await bed.tick(new Date("2027-03-20T06:31:00Z")); // 10:01 on 20 March
    expect(await smsTo(bed.workspaceId, customerId)).toBe(0);
    await bed.tick(new Date("2027-03-20T20:40:00Z")); // 00:10 on 21 March: enters, waits for 10:00
    expect(await smsTo(bed.workspaceId, customerId)).toBe(0);
    await bed.tick(new Date("2027-03-21T06:31:00Z")); // 10:01 on 21 March
    expect(await smsTo(bed.workspaceId, customerId)).toBe(1);
  });

  it("sends each split arm its share and reports per arm", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const flowId = await publishedFlow(bed, {
      trigger: { type: "event", event: "customer.created" },
      steps: [
        { type: "split", arms: [{ name: "A", percent: 50, goTo: 1 }, { name: "B", percent: 50, goTo: 3 }] },
        { type: "send", channel: "sms", transactional: true, body: text("Arm A") },
        { type: "exit" },
        { type: "send", channel: "sms", transactional: true, body: text("Arm B") },
      ],
    });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await bed.emit("customer.created", { customerId: await seedOne(bed.workspaceId, i), cid: null, code: `S-${i}` }));
    await bed.drain();
    const report = (await bed.owner.get(`${BASE}/flows/${flowId}`)).body.report;
    const arms = Object.fromEntries(report.arms.map((arm: { arm: string; entered: number }) => [arm.arm, arm.entered]));
    expect(arms.A + arms.B).toBe(40);
    expect(arms.A).toBeGreaterThanOrEqual(8);
    expect(arms.B).toBeGreaterThanOrEqual(8);
    const byText = async (body: string) => (await env.DB.prepare("select count(*) as n from messages where workspace_id = ? and body like ?").bind(bed.workspaceId, `%${body}%`).first<{ n: number }>())!.n;
    expect(await byText("Arm A")).toBe(arms.A);
    expect(await byText("Arm B")).toBe(arms.B);
  });

  it("sends nothing while a flow is paused or the kill switch is on, and goes on when resumed", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const flowId = await publishedFlow(bed, {
      trigger: { type: "event", event: "customer.created" },
      steps: [{ type: "wait", hours: 1 }, { type: "send", channel: "sms", transactional: true, body: text("After an hour") }],
    });
    const start = Date.now();
    const customerId = await customer(bed, "Pari", "09121110004");
    await bed.drain();
    expect((await bed.owner.post(`${BASE}/flows/pause-all`, {})).body).toEqual({ paused: 1 });
    expect((await bed.owner.get(`${BASE}/flows/${flowId}`)).body.status).toBe("paused");
    await bed.tick(new Date(start + 2 * 3_600_000));
    expect(await smsTo(bed.workspaceId, customerId)).toBe(0);
    // Entering is paused too.
    const later = await customer(bed, "Later", "09121110005");
    await bed.drain();
    expect(await countRows("automation_enrollments", "workspace_id = ? and customer_id = ?", bed.workspaceId, later)).toBe(0);

    expect((await bed.owner.post(`${BASE}/flows/${flowId}/resume`, {})).body.status).toBe("active");
    await bed.tick(new Date(start + 3 * 3_600_000));
    expect(await smsTo(bed.workspaceId, customerId)).toBe(1);
    expect((await bed.owner.post(`${BASE}/flows/${flowId}/pause`, {})).status).toBe(200);
    expect((await bed.owner.post(`${BASE}/flows/${flowId}/pause`, {})).status).toBe(409);
  });

  it("keeps running enrollments on their version when the flow is edited and published again", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const definition = (body: string) => ({ trigger: { type: "event", event: "customer.created" }, steps: [{ type: "wait", days: 1 }, { type: "send", channel: "sms", transactional: true, body: text(body) }] });
    const flowId = await publishedFlow(bed, definition("Version one"));
    const start = Date.now();
    const first = await customer(bed, "First", "09121110006");
    await bed.drain();
    expect((await bed.owner.patch(`${BASE}/flows/${flowId}`, { definition: definition("Version two") })).status).toBe(200);
    expect((await bed.owner.post(`${BASE}/flows/${flowId}/publish`, {})).body.version).toBe(2);
    const second = await customer(bed, "Second", "09121110007");
    await bed.drain();
    await bed.tick(new Date(start + DAY + 120_000));
    const bodyOf = async (customerId: string) => (await env.DB.prepare("select body from messages where workspace_id = ? and customer_id = ?").bind(bed.workspaceId, customerId).first<{ body: string }>())?.body;
    expect(await bodyOf(first)).toContain("Version one");
    expect(await bodyOf(second)).toContain("Version two");
  });

  it("defers a marketing message woken at 22:00 to 09:00 the next morning, and the cap skips a second one", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const flowId = await publishedFlow(bed, {
      trigger: { type: "event", event: "customer.created" },
      steps: [
        { type: "wait_until", time: "22:00" },
        { type: "send", channel: "sms", body: text("Evening offer") },
        { type: "send", channel: "sms", body: text("Second offer") },
      ],
    });
    const customerId = await customer(bed, "Shab", "09121110008");
    await bed.drain();
    const waiting = await env.DB.prepare("select wake_at from automation_enrollments where workspace_id = ?").bind(bed.workspaceId).first<{ wake_at: number }>();
    await bed.tick(new Date(waiting!.wake_at + 60_000));
    const rows = await env.DB.prepare("select status, skip_reason, due_at from messages where workspace_id = ? and customer_id = ? order by created_at, id").bind(bed.workspaceId, customerId).all<{ status: string; skip_reason: string | null; due_at: number | null }>();
    expect(rows.results.map((row) => row.status).sort()).toEqual(["deferred", "skipped"]);
    const deferred = rows.results.find((row) => row.status === "deferred")!;
    expect(rows.results.find((row) => row.status === "skipped")!.skip_reason).toBe("capped");
    // 22:00 in Tehran is 18:30 UTC; 09:00 the next morning is 05:30 UTC.
    expect(deferred.due_at! - waiting!.wake_at).toBe(11 * 3_600_000);
    expect(new Date(deferred.due_at!).toISOString().slice(11, 16)).toBe("05:30");
    const report = (await bed.owner.get(`${BASE}/flows/${flowId}`)).body.report;
    expect(report.steps).toMatchObject([
      { step: 0, outcomes: { waited: 1 } },
      { step: 1, outcomes: { deferred: 1 } },
      { step: 2, outcomes: { "skipped:capped": 1 } },
    ]);
  });

  it("reads only due waits on a wake-up tick, through the partial index", async () => {
    const plan = await env.DB.prepare(
      "explain query plan select id from automation_enrollments where workspace_id = ? and status = 'waiting' and wake_at <= ? order by wake_at limit 10",
    )
      .bind("ws", 1)
      .all<{ detail: string }>();
    const details = plan.results.map((row) => row.detail).join("\n");
    expect(details).toContain("USING INDEX automation_enrollments_wake_idx");
    expect(details).not.toContain("TEMP B-TREE");
  });

  it("refuses a flow whose step is wrong, naming the step, and writes nothing", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const refused = await bed.owner.post(`${BASE}/flows`, {
      name: "Broken",
      definition: { trigger: { type: "event", event: "customer.created" }, steps: [{ type: "send", channel: "sms" }, { type: "branch", orderedSinceEntry: true, elseGoTo: 0 }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(["body.definition.steps.0.body", "body.definition.steps.1.elseGoTo"]);
    expect(await countRows("automation_flows", "workspace_id = ?", bed.workspaceId)).toBe(0);
    // The flow's own codes read in the caller's language, at the field, not as "invalid input".
    const split = {
      trigger: { type: "event", event: "customer.created" },
      steps: [{ type: "split", arms: [{ name: "A", percent: 60, goTo: 1 }, { name: "B", percent: 30, goTo: 1 }] }, { type: "exit" }],
    };
    const persian = await bed.owner.withLanguage("fa").post(`${BASE}/flows`, { name: "Broken", definition: split });
    expect(persian.status).toBe(400);
    expect(persian.body.errors).toEqual([{ path: "body.definition.steps.0.arms", code: "split_total_100", message: "جمع درصد شاخه‌ها باید ۱۰۰ باشد." }]);
    const english = await bed.owner.withLanguage("en").post(`${BASE}/flows`, { name: "Broken", definition: split });
    expect(english.body.errors).toEqual([{ path: "body.definition.steps.0.arms", code: "split_total_100", message: "The arms' percentages must add up to 100." }]);
  });

  it("opens a template's flow in the step editor, whose save and publish buttons send back a flow the server takes", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    await bed.member("agent");
    const flowId = (await bed.owner.post(`${BASE}/flows/from-template`, { template: "win-back" })).body.id;
    // The page's flow list links each flow to its editor.
    const page = (await bed.owner.get(`${BASE}/ui/page`)).body.blocks;
    const flowTable = page.find((block: { type: string; title?: { en: string } }) => block.type === "table" && block.title?.en === "Flows");
    expect(flowTable.columns[0].link).toBe("?flow={id}");
    expect(flowTable.rows[0].id).toBe(flowId);

    const blocks = (await bed.owner.get(`${BASE}/ui/page?flow=${flowId}`)).body.blocks;
    expect(UiSurface.safeParse({ blocks }).success).toBe(true);
    const editor = blocks.find((block: { type: string }) => block.type === "steps");
    expect(editor.items.map((step: { type: string }) => step.type)).toEqual(["send", "wait", "wait_business_day", "send"]);
    expect(editor.kinds.map((kind: { value: string }) => kind.value)).toEqual(["wait", "wait_until", "wait_business_day", "send", "branch", "split", "add_tag", "remove_tag", "set_attribute", "task", "coupon", "points", "nps_survey", "webhook", "exit"]);
    const assignees = editor.kinds.find((kind: { value: string }) => kind.value === "task").fields.find((field: { name: string }) => field.name === "assignee").options;
    expect(assignees.map((option: { value: string }) => option.value)).toEqual(expect.arrayContaining(["customer_owner", bed.me.user.id]));
    expect(assignees).toHaveLength(3);

    // What the editor sends: its fixed body with the list at `definition.steps`, then publish.
    const steps = [...editor.items];
    steps[1] = { ...steps[1], days: 2 };
    const [save, publish] = editor.submits;
    const saved = await bed.owner.request(save.request.method, `${BASE}${save.request.path}`, { ...editor.body, definition: { ...editor.body.definition, steps } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await bed.owner.request(publish.then.method, `${BASE}${publish.then.path}`, {})).status).toBe(200);
    const flow = (await bed.owner.get(`${BASE}/flows/${flowId}`)).body;
    expect(flow).toMatchObject({ status: "active", version: 1, draft: { trigger: { type: "event", event: "customer.stage_changed", toStages: ["lapsed"] }, goal: { withinDays: 14 } } });
    expect(flow.draft.steps[1]).toMatchObject({ type: "wait", days: 2 });

    // An agent reads the flow's figures and may dry-run it, but gets no editor; another workspace's flow is not found.
    const agent = await bed.member("agent");
    const viewed = await agent.get(`${BASE}/ui/page?flow=${flowId}`);
    expect(viewed.status).toBe(200);
    expect(viewed.body.blocks.map((block: { type: string }) => block.type)).toEqual(["links", "stats", "text", "form"]);
    const other = await createPluginTestbed({ plugins: [automationPlugin] });
    expect((await other.owner.get(`${BASE}/ui/page?flow=${flowId}`)).status).toBe(404);
  });
});

/** One customer with a mobile and SMS consent, written straight to the database. */
async function seedOne(workspaceId: string, i: number): Promise<string> {
  const id = `cus_split${String(i).padStart(5, "0")}_${workspaceId.slice(-6)}`;
  const mobile = `+98937${String(i).padStart(7, "0")}`;
  const time = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      `insert into customers (id, workspace_id, cid, code, kind, first_name, display_name, name_key, tags, consent_sms, attributes, lifecycle_stage, order_count, total_spent, created_at, updated_at)
       values (?, ?, ?, ?, 'person', 'Split', 'Split', 'split', '[]', 'granted', '{}', 'new', 0, 0, ?, ?)`,
    ).bind(id, workspaceId, mobile, `S-${i}`, time, time),
    env.DB.prepare(`insert into customer_identifiers (id, workspace_id, customer_id, kind, value, created_at) values (?, ?, ?, 'mobile', ?, ?)`).bind(`idf_${id}`, workspaceId, id, mobile, time),
  ]);
  return id;
}
