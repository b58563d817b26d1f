// Flow steps beyond sending: tags, attributes and tasks (once, however often the trigger comes), a
// signed webhook retried then recorded, the per-flow daily send limit, the dry run (which sends
// and writes nothing; in the editor, in words), the editor's trigger and goal fields, the detractor follow-up template on the NPS plugin's event, and the
// loyalty club's coupon and points (skipped, with the reason, when the club is off).
import { env } from "cloudflare:test";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countRows, createPluginTestbed, signUp } from "../../worker/plugin-api/testing";
import { plugins } from "../registry";
import { automationPlugin } from "./index";

const BASE = "/api/plugins/automation";
const DAY = 86_400_000;

type Bed = Awaited<ReturnType<typeof createPluginTestbed>>;

afterEach(() => vi.restoreAllMocks());

const text = (en: string, fa = en) => ({ en, fa });
const smsTo = (workspaceId: string, customerId: string) => countRows("messages", "workspace_id = ? and customer_id = ? and sent_by_plugin = 'automation'", workspaceId, customerId);

async function customer(bed: Bed, firstName: string, mobile: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await bed.owner.post("/api/customers", { firstName, mobile, consent: { sms: "granted" }, ...extra });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function publishedFlow(bed: Bed, definition: Record<string, unknown>): Promise<string> {
  const created = await bed.owner.post(`${BASE}/flows`, { name: "Flow", definition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await bed.owner.post(`${BASE}/flows/${created.body.id}/publish`, {})).status).toBe(200);
  return created.body.id;
}

const stepsOf = async (bed: Bed, flowId: string) => (await bed.owner.get(`${BASE}/flows/${flowId}`)).body.report.steps;

describe("flow steps", () => {
  it("tags the customer, removes a tag, sets an attribute and opens one task for their owner, however often the trigger comes", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const flowId = await publishedFlow(bed, {
      trigger: { type: "event", event: "order.paid" },
      steps: [
        { type: "add_tag", tag: "vip" },
        { type: "remove_tag", tag: "prospect" },
        { type: "set_attribute", key: "tier", value: "gold" },
        { type: "task", title: "Thank them by phone", assignee: "customer_owner", dueInDays: 2 },
      ],
    });
    const customerId = await customer(bed, "Tara", "09121120001", { tags: ["prospect", "newsletter"], ownerUserId: bed.me.user.id });
    const start = Date.now();
    for (let i = 0; i < 3; i++) await bed.emit("order.paid", { orderId: `ord_${i}`, customerId, total: 1000, currency: "IRT" });
    await bed.drain();
    await bed.drain();

    const profile = (await bed.owner.get(`/api/customers/${customerId}`)).body;
    expect([...profile.tags].sort()).toEqual(["newsletter", "vip"]);
    expect(profile.attributes).toMatchObject({ tier: "gold" });
    const tasks = await env.DB.prepare("select title, assignee_user_id, due_at, customer_id, created_by from tasks where workspace_id = ?").bind(bed.workspaceId).all<Record<string, unknown>>();
    expect(tasks.results).toHaveLength(1);
    expect(tasks.results[0]).toMatchObject({ title: "Thank them by phone", assignee_user_id: bed.me.user.id, customer_id: customerId, created_by: "plugin:automation" });
    expect(Number(tasks.results[0]!.due_at) - start).toBeGreaterThanOrEqual(2 * DAY - 60_000);
    expect(Number(tasks.results[0]!.due_at) - start).toBeLessThan(2 * DAY + 5 * 60_000);
    // The changes are the customer's own updates, with their event.
    expect(await countRows("events", "workspace_id = ? and name = 'customer.updated'", bed.workspaceId)).toBeGreaterThanOrEqual(1);
    expect(await stepsOf(bed, flowId)).toMatchObject([
      { step: 0, outcomes: { tag_added: 1 } },
      { step: 1, outcomes: { tag_removed: 1 } },
      { step: 2, outcomes: { attribute_set: 1 } },
      { step: 3, outcomes: { task_created: 1 } },
    ]);
    // The customer page's panel shows the flow and what each step did.
    const panel = (await bed.owner.get(`${BASE}/ui/customer/${customerId}`)).body.blocks;
    expect(panel[0].rows).toEqual([expect.objectContaining({ flow: "Flow", status: { en: "Completed", fa: "تمام‌شده" } })]);
    expect(panel[1].rows.map((row: { step: number; outcome: { en: string } }) => `${row.step} ${row.outcome.en}`).sort()).toEqual(["1 Tag added", "2 Tag removed", "3 Attribute set", "4 Task opened"]);
    const viewer = await bed.member("viewer");
    expect((await viewer.get(`${BASE}/ui/customer/${customerId}`)).status).toBe(403);
  });

  it("refuses a task step given to someone who is not an active member of the workspace, at save, naming the step's assignee", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const agent = await bed.member("agent");
    const stranger = await signUp();
    const flow = (assignee: string) => ({ trigger: { type: "event", event: "customer.created" }, steps: [{ type: "add_tag", tag: "new" }, { type: "task", title: "Call", assignee, dueInDays: 1 }] });
    const created = await bed.owner.post(`${BASE}/flows`, { name: "Calls", definition: flow(agent.identity.userId!) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    // Another workspace's owner, and an id that names no one: refused, and nothing saved.
    for (const assignee of [stranger.me.user.id, "usr_nobody"]) {
      const refused = await bed.owner.post(`${BASE}/flows`, { name: "Calls", definition: flow(assignee) }, { "accept-language": "en" });
      expect(refused.status).toBe(400);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: "body.definition.steps.1.assignee", message: expect.stringContaining("not an active member") })]);
    }
    expect(await countRows("automation_flows", "workspace_id = ?", bed.workspaceId)).toBe(1);

    // A member who was disabled may no longer be given tasks: the draft keeps its last good steps.
    expect((await bed.owner.patch(`/api/users/${agent.identity.userId}`, { status: "disabled" })).status).toBe(200);
    const edited = await bed.owner.patch(`${BASE}/flows/${created.body.id}`, { definition: { ...flow(agent.identity.userId!), steps: [{ type: "task", title: "Call again", assignee: agent.identity.userId }] } });
    expect(edited.status).toBe(400);
    expect(edited.body.errors[0].path).toBe("body.definition.steps.0.assignee");
    expect((await bed.owner.get(`${BASE}/flows/${created.body.id}`)).body.draft.steps[1]).toMatchObject({ type: "task", title: "Call" });
  });

  it("calls a webhook signed with the workspace's secret, tries again after a failure, and records the failure after the last try", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const calls: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
    const answers = new Map<string, number[]>([
      ["https://hooks.example.com/flaky", [500, 200]],
      ["https://hooks.example.com/down", [503, 503, 503, 503]],
    ]);
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input as RequestInfo, init);
      calls.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
      const status = answers.get(request.url)?.shift() ?? 404;
      return new Response(null, { status });
    });
    const flaky = await publishedFlow(bed, { trigger: { type: "event", event: "customer.created" }, steps: [{ type: "webhook", url: "https://hooks.example.com/flaky" }] });
    const down = await publishedFlow(bed, { trigger: { type: "event", event: "customer.created" }, steps: [{ type: "webhook", url: "https://hooks.example.com/down" }] });
    const start = Date.now();
    const customerId = await customer(bed, "Hook", "09121120002");
    await bed.drain();
    expect(calls.map((call) => call.url).sort()).toEqual(["https://hooks.example.com/down", "https://hooks.example.com/flaky"]);
    // Not yet: the retry waits its back-off.
    await bed.tick(new Date(start + 30_000));
    expect(calls).toHaveLength(2);
    await bed.tick(new Date(start + 2 * 60_000));
    await bed.tick(new Date(start + 15 * 60_000));
    await bed.tick(new Date(start + 30 * 60_000));
    expect(calls.filter((call) => call.url.endsWith("/flaky"))).toHaveLength(2);
    expect(calls.filter((call) => call.url.endsWith("/down"))).toHaveLength(3);
    expect(await stepsOf(bed, flaky)).toMatchObject([{ step: 0, outcomes: { webhook_delivered: 1 } }]);
    expect(await stepsOf(bed, down)).toMatchObject([{ step: 0, outcomes: { "webhook_failed:HTTP 503": 1 } }]);

    // Every try carries the same id and a signature the receiver can check with the workspace's secret.
    const { secret } = (await bed.owner.get(`${BASE}/flows/webhook-secret`)).body;
    const tries = calls.filter((call) => call.url.endsWith("/flaky"));
    expect(tries[0]!.headers["webhook-id"]).toBe(tries[1]!.headers["webhook-id"]);
    const verified = new Webhook(secret).verify(tries[1]!.body, tries[1]!.headers) as { type: string; data: Record<string, unknown> };
    expect(verified).toMatchObject({ type: "automation.flow_step", data: { flowId: flaky, customerId, step: 0 } });
    expect(() => new Webhook(`whsec_${btoa("another secret of 32 bytes......")}`).verify(tries[1]!.body, tries[1]!.headers)).toThrow();
    expect(await countRows("automation_signing_keys", "workspace_id = ? and secret like 'v1:%'", bed.workspaceId)).toBe(1);
  });

  it("refuses a webhook to a private or plain-http address when the flow is saved, naming the step", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    for (const url of ["https://127.0.0.1/hook", "https://10.1.2.3/hook", "http://hooks.example.com/hook"]) {
      const refused = await bed.owner.post(`${BASE}/flows`, { name: "Hook", definition: { trigger: { type: "event", event: "customer.created" }, steps: [{ type: "add_tag", tag: "x" }, { type: "webhook", url }] } });
      expect(refused.status, url).toBe(400);
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toContain("body.definition.steps.1.url");
    }
    expect(await countRows("automation_flows", "workspace_id = ?", bed.workspaceId)).toBe(0);
  });

  it("sends no more than the flow's daily limit and records each skip with its reason", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const flowId = await publishedFlow(bed, {
      trigger: { type: "event", event: "customer.created" },
      dailySendLimit: 2,
      steps: [{ type: "send", channel: "sms", transactional: true, body: text("Welcome {firstName}") }],
    });
    const ids = [await customer(bed, "One", "09121120011"), await customer(bed, "Two", "09121120012"), await customer(bed, "Three", "09121120013")];
    await bed.drain();
    expect(await countRows("messages", "workspace_id = ? and sent_by_plugin = 'automation'", bed.workspaceId)).toBe(2);
    expect(await stepsOf(bed, flowId)).toMatchObject([{ step: 0, outcomes: { sent: 2, "skipped:flow_daily_limit": 1 } }]);
    expect((await Promise.all(ids.map((id) => smsTo(bed.workspaceId, id)))).sort()).toEqual([0, 1, 1]);
  });

  it("dry-runs a flow on a customer: the path with each step's time and the text they would get, sending and writing nothing", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const created = await bed.owner.post(`${BASE}/flows/from-template`, { template: "welcome" });
    const flowId = created.body.id;
    const withTag = { ...created.body.draft, steps: [...created.body.draft.steps, { type: "add_tag", tag: "welcomed" }, { type: "task", title: "Call", dueInDays: 1 }] };
    expect((await bed.owner.patch(`${BASE}/flows/${flowId}`, { definition: withTag })).status).toBe(200);
    const customerId = await customer(bed, "Mina", "09121120021", { attributes: { locale: "fa" } });
    const optedOut = await customer(bed, "Nima", "09121120022", { consent: { sms: "withdrawn" } });
    await bed.drain();
    const before = await Promise.all(["messages", "automation_enrollments", "automation_step_receipts", "tasks", "events"].map((table) => countRows(table, "workspace_id = ?", bed.workspaceId)));

    const run = await bed.owner.post(`${BASE}/flows/${flowId}/dry-run`, { customerId });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const [path] = run.body.paths;
    expect(path).toMatchObject({ customerId, enters: true, ends: "completed" });
    expect(path.steps.map((step: { does: string }) => step.does)).toEqual(["wait", expect.stringMatching(/^(send|defer)$/), "wait", "branch_no", "send", "add_tag", "task"]);
    const firstSend = path.steps[1];
    expect(firstSend.text).toMatch(/^Mina عزیز، به .+ خوش آمدید!$/);
    expect(firstSend.parts).toBe(1);
    // 10:00 Tehran is 06:30 UTC; the second wait is three days after the first.
    expect(new Date(path.steps[0].until).toISOString().slice(11, 16)).toBe("06:30");
    expect(path.steps[2].until - path.steps[0].until).toBe(3 * DAY);
    // The "else" side of the branch skips the exit: the reminder is step 5.
    expect(path.steps[4].step).toBe(5);

    const optedOutRun = await bed.owner.post(`${BASE}/flows/${flowId}/dry-run`, { customerId: optedOut });
    expect(optedOutRun.body.paths[0]).toMatchObject({ ends: "opted_out" });
    expect(optedOutRun.body.paths[0].steps.at(-1).does).toBe("skip_no_consent");

    const sample = await bed.owner.post(`${BASE}/flows/${flowId}/dry-run`, { sample: 5 });
    expect(sample.body.paths.map((entry: { customerId: string }) => entry.customerId).sort()).toEqual([customerId, optedOut].sort());

    const after = await Promise.all(["messages", "automation_enrollments", "automation_step_receipts", "tasks", "events"].map((table) => countRows(table, "workspace_id = ?", bed.workspaceId)));
    expect(after).toEqual(before);
    expect((await bed.owner.post(`${BASE}/flows/${flowId}/dry-run`, { customerId: "cus_nobody" })).status).toBe(404);
    expect((await bed.owner.post(`${BASE}/flows/${flowId}/dry-run`, {})).status).toBe(400);
  });

  it("dry-runs the win-back series on a sample of ten customers within the Free plan's 50 D1 queries", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation", "loyalty"], env: { D1_METER: "on" } });
    const created = await bed.owner.post(`${BASE}/flows/from-template`, { template: "win-back" });
    for (let i = 0; i < 10; i++) await customer(bed, `Sample ${i}`, `091211201${String(i).padStart(2, "0")}`, i % 2 ? { attributes: { locale: "en" } } : {});
    await bed.drain();
    const run = await bed.owner.post(`${BASE}/flows/${created.body.id}/dry-run`, { sample: 10 });
    expect(run.status, run.text).toBe(200);
    expect(run.body.paths).toHaveLength(10);
    expect(run.body.paths.every((path: { steps: Array<{ does: string }> }) => path.steps.some((step) => step.does === "coupon"))).toBe(true);
    expect(Number(run.headers.get("x-d1-calls"))).toBeLessThanOrEqual(50);
  });

  it("the editor's dry run finds a customer by name or whole mobile and says in words what each step would do and when, skips with their reasons; an unknown customer is named at the field", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const flowId = (await bed.owner.post(`${BASE}/flows/from-template`, { template: "welcome" })).body.id;
    await customer(bed, "Mina", "09121120031", { attributes: { locale: "fa" } });
    await customer(bed, "Nima", "09121120032", { consent: { sms: "withdrawn" } });
    await bed.drain();
    const before = await Promise.all(["messages", "automation_enrollments", "automation_step_receipts", "tasks", "events"].map((table) => countRows(table, "workspace_id = ?", bed.workspaceId)));
    type Block = { type: string; rows?: Array<Record<string, unknown>>; text?: { en: string; fa: string } };
    const dryRun = async (q: string) => {
      const answer = await bed.owner.post(`${BASE}/ui/flows/${flowId}/dry-run`, { customer: q });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.blocks as Block[];
    };

    const byMobile = await dryRun("0912 112 0031");
    const rows = byMobile.find((block) => block.type === "table")!.rows!;
    expect(rows[0]).toMatchObject({ step: 1, at: expect.any(Number), does: { en: "Waits until the time under “Until”", fa: "تا زمانِ ستون «تا» صبر می‌کند" } });
    // 10:00 Tehran is 06:30 UTC: the UI shows it in the workspace's zone and calendar.
    expect(new Date(rows[0]!.until as number).toISOString().slice(11, 16)).toBe("06:30");
    expect((rows[1]!.does as { en: string }).en).toMatch(/^(Sends an SMS|Holds an SMS for quiet hours and sends it at the time under “Until”): “Mina عزیز، به .+ خوش آمدید!”$/);
    expect(rows[1]!.step).toBe(2);
    expect(byMobile.at(-1)!.text).toEqual({ en: "Then the flow is complete for them.", fa: "سپس جریان برای او به پایان می‌رسد." });
    expect(byMobile[0]!.text!.en).toContain("Dry run for Mina");

    const optedOut = await dryRun("Nima");
    expect(optedOut.find((block) => block.type === "table")!.rows!.at(-1)!.does).toEqual({
      en: "Skipped: the customer has not agreed to receive an SMS, so they leave the flow",
      fa: "رد می‌شود: مشتری با دریافت پیامک موافقت نکرده است، پس از جریان خارج می‌شود",
    });
    expect(optedOut.at(-1)!.text!.en).toBe("They leave the flow: no consent to be sent to.");
    expect((await dryRun("Mina"))[0]!.text!.en).toContain("Dry run for Mina");

    const nobody = await bed.owner.post(`${BASE}/ui/flows/${flowId}/dry-run`, { customer: "09129999999" });
    expect(nobody.status).toBe(404);
    expect(nobody.body.errors).toEqual([expect.objectContaining({ path: "body.customer" })]);
    expect((await bed.owner.post(`${BASE}/ui/flows/${flowId}/dry-run`, { customer: "" })).status).toBe(400);
    const after = await Promise.all(["messages", "automation_enrollments", "automation_step_receipts", "tasks", "events"].map((table) => countRows(table, "workspace_id = ?", bed.workspaceId)));
    expect(after).toEqual(before);
  });

  it("the editor shows the trigger, entry conditions, goal, re-entry and daily limit above the steps with the audience now, and the server names a bad one at the editor's field", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const created = await bed.owner.post(`${BASE}/flows/from-template`, { template: "welcome" });
    const flowId = created.body.id;
    await customer(bed, "Vida", "09121120041", { tags: ["vip"] });
    await customer(bed, "Reza", "09121120042");
    type Editor = { type: string; fields: Array<{ name: string }>; body: { definition: Record<string, unknown> } };
    const editor = async () => {
      const blocks = (await bed.owner.get(`${BASE}/ui/page?flow=${flowId}`)).body.blocks as Array<{ type: string; items?: Array<{ label: { en: string }; value: unknown }> }>;
      const audience = blocks.find((block) => block.type === "stats")!.items!.find((item) => item.label.en === "Audience now")!.value;
      return { steps: blocks.find((block) => block.type === "steps") as unknown as Editor, audience };
    };
    const shown = await editor();
    expect(shown.audience).toBe(2);
    const names = shown.steps.fields.map((field) => field.name);
    for (const name of ["definition.trigger.type", "definition.trigger.event", "definition.trigger.at", "definition.trigger.everyDays", "definition.conditions.tags.any.0", "definition.goal.withinDays", "definition.reentry.days", "definition.dailySendLimit"]) {
      expect(names).toContain(name);
    }
    expect(shown.steps.body.definition).toMatchObject({ trigger: { type: "event", event: "customer.created" }, goal: { type: "order", withinDays: 14 }, reentry: { policy: "never" } });

    // What the editor sends: its own fields beside the steps.
    const definition = { ...shown.steps.body.definition, steps: created.body.draft.steps, conditions: { tags: { any: ["vip"] } }, trigger: { type: "recurring", at: "09:00" }, reentry: { policy: "after_days", days: 30 }, dailySendLimit: 100 };
    const bad = await bed.owner.patch(`${BASE}/flows/${flowId}`, { definition });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.definition.trigger.everyDays"]);
    expect(names).toContain("definition.trigger.everyDays");
    const saved = await bed.owner.patch(`${BASE}/flows/${flowId}`, { definition: { ...definition, trigger: { type: "recurring", everyDays: 7, at: "09:00" } } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const again = await editor();
    expect(again.steps.body.definition).toMatchObject({ trigger: { type: "recurring", everyDays: 7, at: "09:00" }, reentry: { policy: "after_days", days: 30 }, dailySendLimit: 100 });
    expect(again.audience).toBe(1);
  });

  it("follows up a detractor from the NPS plugin's event: one task for the owner, a tag and one apology SMS, even when the event comes twice", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation"] });
    const flow = await bed.owner.post(`${BASE}/flows/from-template`, { template: "detractor-follow-up" });
    expect(flow.status).toBe(201);
    expect((await bed.owner.post(`${BASE}/flows/${flow.body.id}/publish`, {})).status).toBe(200);
    const customerId = await customer(bed, "Sad", "09121120031", { ownerUserId: bed.me.user.id });
    await bed.drain();
    for (let i = 0; i < 2; i++) await bed.emit("nps.detractor", { customerId, responseId: "rsp_1", surveyId: "srv_1", score: 3 });
    await bed.drain();
    const tasks = await env.DB.prepare("select title, assignee_user_id from tasks where workspace_id = ? and customer_id = ?").bind(bed.workspaceId, customerId).all<{ title: string; assignee_user_id: string }>();
    expect(tasks.results).toHaveLength(1);
    expect(tasks.results[0]!.assignee_user_id).toBe(bed.me.user.id);
    expect(await smsTo(bed.workspaceId, customerId)).toBe(1);
    expect((await bed.owner.get(`/api/customers/${customerId}`)).body.tags).toContain("detractor");
  });

  it("starts on a customer's SMS reply and on a change of club tier; a second reply does not enter them again (re-entry: never)", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation", "loyalty"] });
    await publishedFlow(bed, { trigger: { type: "event", event: "message.received" }, steps: [{ type: "task", title: "Answer the reply", dueInDays: 0 }] });
    await publishedFlow(bed, { trigger: { type: "event", event: "loyalty.tier_changed" }, steps: [{ type: "send", channel: "sms", transactional: true, body: text("Welcome to your new tier, {firstName}") }] });
    const customerId = await customer(bed, "Reza", "09121120041", { ownerUserId: bed.me.user.id });
    await bed.drain();
    for (let i = 0; i < 2; i++) await bed.emit("message.received", { customerId, channel: "sms", text: "Is it in stock?", inReplyToMessageId: null, receivedAt: Date.now() });
    await bed.emit("loyalty.tier_changed", { customerId, from: "bronze", to: "silver", direction: "up", cause: "earn", value: 1_000_000 });
    await bed.drain();
    expect(await countRows("tasks", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId)).toBe(1);
    expect(await smsTo(bed.workspaceId, customerId)).toBe(1);
  });

  it("fails only the step core refuses (a saved template's {coupon} with no coupon step), says why in the report, and goes on for everyone due", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const template = await bed.owner.post("/api/messaging/templates", { name: "code-reminder", channel: "sms", purpose: "marketing", text: { en: "{firstName}, your code {coupon}", fa: "{firstName}، کد شما {coupon}" } });
    expect(template.status, template.text).toBe(201);
    const flowId = await publishedFlow(bed, {
      trigger: { type: "event", event: "customer.created" },
      steps: [{ type: "wait", hours: 1 }, { type: "send", channel: "sms", template: "code-reminder" }, { type: "add_tag", tag: "reminded" }],
    });
    const first = await customer(bed, "Mina", "09121120051");
    const second = await customer(bed, "Sina", "09121120052");
    await bed.drain();
    await bed.tick(new Date(Date.now() + 2 * 3_600_000));
    for (const customerId of [first, second]) {
      expect(await smsTo(bed.workspaceId, customerId)).toBe(0);
      expect((await bed.owner.get(`/api/customers/${customerId}`)).body.tags).toContain("reminded");
    }
    const report = (await bed.owner.get(`${BASE}/flows/${flowId}`)).body.report;
    expect(report.steps[1]).toMatchObject({ step: 1, outcomes: { "failed:template_variable_missing": 2 } });
  });

  it("asks the NPS survey three days after a paid order through the NPS plugin, once for the step; with the NPS plugin off, skips it with the reason", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation", "nps"] });
    const survey = await bed.owner.post("/api/plugins/nps/surveys", { name: "After purchase" });
    expect(survey.status, survey.text).toBe(201);
    const flow = await bed.owner.post(`${BASE}/flows/from-template`, { template: "post-purchase-nps" });
    expect(flow.status, flow.text).toBe(201);
    expect((await bed.owner.post(`${BASE}/flows/${flow.body.id}/publish`, {})).status).toBe(200);
    const customerId = await customer(bed, "Nazanin", "09121120061");
    expect((await bed.owner.post("/api/orders", { customerId, total: 250_000, status: "paid" })).status).toBe(201);
    await bed.drain();
    const waiting = await env.DB.prepare("select wake_at from automation_enrollments where workspace_id = ? and customer_id = ?").bind(bed.workspaceId, customerId).first<{ wake_at: number }>();
    // Three days on, the step queues the survey; a second wake-up of the same step queues nothing more.
    await bed.tick(new Date(waiting!.wake_at + 60_000));
    await bed.tick(new Date(waiting!.wake_at + 120_000));
    expect(await countRows("nps_sends", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId)).toBe(1);
    // The NPS plugin's hourly run asks it.
    await bed.tick(new Date(waiting!.wake_at + 3_600_000 + 60_000));
    expect(await countRows("messages", "workspace_id = ? and customer_id = ? and sent_by_plugin = 'nps'", bed.workspaceId, customerId)).toBe(1);
    expect(await stepsOf(bed, flow.body.id)).toMatchObject([{ step: 0, outcomes: { waited: 1 } }, { step: 1, outcomes: { survey_queued: 1 } }]);

    // Without the NPS plugin the step says why it did nothing.
    expect((await bed.owner.patch("/api/plugins/nps", { enabled: false })).status).toBe(200);
    const other = await customer(bed, "Omid", "09121120062");
    expect((await bed.owner.post("/api/orders", { customerId: other, total: 250_000, status: "paid" })).status).toBe(201);
    await bed.drain();
    await bed.tick(new Date(waiting!.wake_at + 4 * DAY));
    expect(await countRows("nps_sends", "workspace_id = ? and customer_id = ?", bed.workspaceId, other)).toBe(0);
    expect((await stepsOf(bed, flow.body.id))[1].outcomes).toEqual({ survey_queued: 1, "skipped:nps_off": 1 });
  });

  it("gives points and a coupon whose code fills {coupon}; with the loyalty club off, skips both with the reason and sends no text that needed the code", async () => {
    const bed = await createPluginTestbed({ plugins, enable: ["automation", "loyalty"] });
    const flowId = await publishedFlow(bed, {
      trigger: { type: "event", event: "customer.created" },
      steps: [
        { type: "points", points: 50, reason: "Welcome gift" },
        { type: "coupon", amount: 50_000, expiresInDays: 5 },
        { type: "send", channel: "sms", transactional: true, body: text("Your code: {coupon}", "کد شما: {coupon}") },
      ],
    });
    const first = await customer(bed, "Mina", "09121110031");
    await bed.drain();
    await bed.drain();
    const gifts = await env.DB.prepare("select points, reason from loyalty_ledger where workspace_id = ? and customer_id = ? and rule = 'gift'").bind(bed.workspaceId, first).all();
    expect(gifts.results).toEqual([{ points: 50, reason: "Welcome gift" }]);
    const coupon = (await bed.owner.get(`/api/plugins/loyalty/coupons?customerId=${first}`)).body.items;
    expect(coupon).toEqual([expect.objectContaining({ status: "active", discount: { amount: 50_000 }, rewardId: null })]);
    const sms = await env.DB.prepare("select body from messages where workspace_id = ? and customer_id = ?").bind(bed.workspaceId, first).first<{ body: string }>();
    expect(sms!.body).toBe(`Your code: ${coupon[0].code}`);

    expect((await bed.owner.patch("/api/plugins/loyalty", { enabled: false })).status).toBe(200);
    const second = await customer(bed, "Reza", "09121110032");
    await bed.drain();
    await bed.drain();
    expect(await stepsOf(bed, flowId)).toMatchObject([
      { step: 0, outcomes: { points_awarded: 1, "skipped:loyalty_off": 1 } },
      { step: 1, outcomes: { coupon_issued: 1, "skipped:loyalty_off": 1 } },
      { step: 2, outcomes: { sent: 1, "skipped:no_coupon": 1 } },
    ]);
    expect(await smsTo(bed.workspaceId, second)).toBe(0);
    expect(await countRows("loyalty_coupons", "workspace_id = ? and customer_id = ?", bed.workspaceId, second)).toBe(0);
    // The dry run says the same before anyone enters.
    const dry = await bed.owner.post(`${BASE}/flows/${flowId}/dry-run`, { customerId: second, of: "published" });
    expect(dry.body.paths[0].steps.map((step: { does: string }) => step.does)).toEqual(["skip_loyalty_off", "skip_loyalty_off", "skip_no_coupon"]);

    // The editor says what the steps need, and its report says why they were skipped, in both languages.
    const blocks = (await bed.owner.get(`${BASE}/ui/page?flow=${flowId}`)).body.blocks;
    const kinds = blocks.find((block: { type: string }) => block.type === "steps").kinds;
    expect(kinds.find((kind: { value: string }) => kind.value === "coupon").label).toEqual({ en: "Give a discount coupon — needs the loyalty club", fa: "دادن کد تخفیف — نیازمند باشگاه مشتریان" });
    const done = blocks.find((block: { type: string; title?: { en: string } }) => block.type === "table" && block.title?.en === "What each step did");
    expect(done.rows).toContainEqual(expect.objectContaining({ step: 2, outcome: { en: "Coupon issued", fa: "کد تخفیف صادر شد" }, count: 1 }));
    expect(done.rows).toContainEqual(expect.objectContaining({ step: 2, outcome: { en: "Skipped (the loyalty club is off)", fa: "رد شد (باشگاه مشتریان خاموش است)" }, count: 1 }));
  });

  it("refuses a coupon step with neither or both of percent and amount, and a {coupon} with no coupon step before it, naming the step", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const refused = await bed.owner.post(`${BASE}/flows`, {
      name: "Broken",
      definition: {
        trigger: { type: "event", event: "customer.created" },
        steps: [
          { type: "send", channel: "sms", body: text("Your code: {coupon}") },
          { type: "coupon", percent: 10, amount: 1000 },
        ],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { path: string; code: string }) => [error.path, error.code])).toEqual([
      ["body.definition.steps.0.body", expect.any(String)],
      ["body.definition.steps.1.percent", expect.any(String)],
    ]);
  });
});
