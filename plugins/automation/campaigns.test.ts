// Campaigns of the automation plugin: composed against a segment (or the static list the customers
// list's selection was put in), estimated, sent in chunks on the
// jobs queue (each recipient once, however often a chunk is delivered; each chunk within the Free
// plan's 50 D1 queries), paused, resumed, cancelled, scheduled for a local time, and reported with
// the orders that followed.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countRows, createPluginTestbed, seedCustomers, signUp } from "../../worker/plugin-api/testing";
import { automationPlugin } from "./index";

const BASE = "/api/plugins/automation";
const TEXT = { en: "{firstName}, 20% off for you this week", fa: "{firstName} عزیز، این هفته ۲۰٪ تخفیف برای شماست" };

const messagesOf = (workspaceId: string) => countRows("messages", "workspace_id = ? and sent_by_plugin = 'automation'", workspaceId);
const distinctRecipients = async (workspaceId: string) =>
  (await env.DB.prepare("select count(distinct customer_id) as n from messages where workspace_id = ? and sent_by_plugin = 'automation'").bind(workspaceId).first<{ n: number }>())!.n;

async function lapsedSegment(owner: { post: (path: string, body: unknown) => Promise<{ status: number; body: any }> }): Promise<string> {
  const segment = await owner.post("/api/segments", { name: "Lapsed", filter: { stages: ["lapsed"] } });
  expect(segment.status).toBe(201);
  return segment.body.id;
}

/** The workspace's messaging policy (quiet hours, caps, prices), as the settings page stores it. */
const setPolicy = (workspaceId: string, policy: Record<string, unknown>) => env.DB.prepare("update workspaces set messaging_policy = ? where id = ?").bind(JSON.stringify(policy), workspaceId).run();

afterEach(() => vi.restoreAllMocks());

describe("campaigns", () => {
  it("sends a campaign to 1,000 customers of a segment once each, even when chunks are delivered twice, each chunk within 50 D1 queries", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin], env: { D1_METER: "on", D1_QUERIES_PER_INVOCATION: undefined } });
    await seedCustomers(bed.workspaceId, 1000);
    await seedCustomers(bed.workspaceId, 20, "active", "936"); // not in the segment
    const segmentId = await lapsedSegment(bed.owner);
    const campaign = await bed.owner.post(`${BASE}/campaigns`, { name: "Win them back", segmentId, channel: "sms", body: TEXT });
    expect(campaign.status).toBe(201);
    expect(campaign.body.status).toBe("draft");

    const meter: Array<Record<string, unknown>> = [];
    const log = console.log.bind(console);
    vi.spyOn(console, "log").mockImplementation((text: unknown) => {
      if (typeof text === "string" && text.startsWith("d1-meter ")) meter.push(JSON.parse(text.slice("d1-meter ".length)));
      else log(text);
    });
    const sent = await bed.owner.post(`${BASE}/campaigns/${campaign.body.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe("sending");
    expect(sent.body.report.targeted).toBe(1000);

    let chunks = 0;
    const calls: number[] = [];
    for (let pending = bed.takeJobs(); pending.length; chunks++) {
      meter.length = 0;
      await bed.deliver(pending, "edge-crm-jobs");
      const next = bed.takeJobs();
      // Every seventh chunk comes again (a redelivery, as after a lost acknowledgement): it sends and queues nothing.
      if (chunks % 7 === 0) {
        await bed.deliver(pending, "edge-crm-jobs");
        expect(bed.takeJobs()).toEqual([]);
      }
      calls.push(...meter.filter((line) => line.kind === "queue").map((line) => Number(line.calls)));
      pending = next;
    }
    expect(chunks).toBeGreaterThan(100);
    expect(calls.length).toBe(chunks + Math.ceil(chunks / 7));
    expect(Math.max(...calls)).toBeLessThanOrEqual(50);
    expect(await messagesOf(bed.workspaceId)).toBe(1000);
    expect(await distinctRecipients(bed.workspaceId)).toBe(1000);
    const report = (await bed.owner.get(`${BASE}/campaigns/${campaign.body.id}`)).body;
    expect(report.status).toBe("done");
    expect(report.report.sent + report.report.deferred).toBe(1000);
  });

  it("stops at once when paused, goes on where it stopped when resumed, and sends nothing more once cancelled", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin], env: { D1_QUERIES_PER_INVOCATION: "50" } });
    await seedCustomers(bed.workspaceId, 30);
    const campaign = (await bed.owner.post(`${BASE}/campaigns`, { name: "Paused one", filter: { stages: ["lapsed"] }, channel: "sms", body: TEXT })).body;
    await bed.owner.post(`${BASE}/campaigns/${campaign.id}/send`, {});
    const first = bed.takeJobs();
    await bed.deliver(first, "edge-crm-jobs");
    const afterFirst = await messagesOf(bed.workspaceId);
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(30);

    const paused = await bed.owner.post(`${BASE}/campaigns/${campaign.id}/pause`, {});
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe("paused");
    await bed.runJobs(); // the chunk queued before the pause finds the campaign paused
    expect(await messagesOf(bed.workspaceId)).toBe(afterFirst);
    expect((await bed.owner.post(`${BASE}/campaigns/${campaign.id}/pause`, {})).status).toBe(409);

    expect((await bed.owner.post(`${BASE}/campaigns/${campaign.id}/resume`, {})).body.status).toBe("sending");
    await bed.runJobs();
    expect(await messagesOf(bed.workspaceId)).toBe(30);
    expect(await distinctRecipients(bed.workspaceId)).toBe(30);
    expect((await bed.owner.get(`${BASE}/campaigns/${campaign.id}`)).body.status).toBe("done");

    const other = (await bed.owner.post(`${BASE}/campaigns`, { name: "Cancelled one", filter: { stages: ["lapsed"] }, channel: "sms", body: TEXT })).body;
    await bed.owner.post(`${BASE}/campaigns/${other.id}/send`, {});
    expect((await bed.owner.post(`${BASE}/campaigns/${other.id}/cancel`, {})).body.status).toBe("cancelled");
    await bed.runJobs();
    expect(await messagesOf(bed.workspaceId)).toBe(30);
    expect((await bed.owner.post(`${BASE}/campaigns/${other.id}/resume`, {})).status).toBe(409);
  });

  it("resumes a campaign whose chain of chunks was lost, from the minute schedule", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin], env: { D1_QUERIES_PER_INVOCATION: "50" } });
    await seedCustomers(bed.workspaceId, 12);
    const campaign = (await bed.owner.post(`${BASE}/campaigns`, { name: "Crash", filter: {}, channel: "sms", body: TEXT })).body;
    await bed.owner.post(`${BASE}/campaigns/${campaign.id}/send`, {});
    await bed.deliver(bed.takeJobs(), "edge-crm-jobs");
    bed.takeJobs(); // the next chunk's message is lost
    const sentBefore = await messagesOf(bed.workspaceId);
    expect(sentBefore).toBeLessThan(12);
    await bed.tick(new Date(Date.now() + 60_000)); // not yet silent for long
    expect(await messagesOf(bed.workspaceId)).toBe(sentBefore);
    await bed.tick(new Date(Date.now() + 6 * 60_000));
    expect(await messagesOf(bed.workspaceId)).toBe(12);
    expect((await bed.owner.get(`${BASE}/campaigns/${campaign.id}`)).body.status).toBe("done");
  });

  it("goes on at once, without waiting for the minute schedule, when a chunk could not queue the next one and the queue retries it", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin], env: { D1_QUERIES_PER_INVOCATION: "50" } });
    await seedCustomers(bed.workspaceId, 12);
    const campaign = (await bed.owner.post(`${BASE}/campaigns`, { name: "Queue hiccup", filter: {}, channel: "sms", body: TEXT })).body;
    await bed.owner.post(`${BASE}/campaigns/${campaign.id}/send`, {});
    // The first chunk's attempt to queue the second fails once (the queue refused the message); the
    // consumer hands the chunk back to the queue, which delivers it again.
    vi.spyOn(bed.worker.queues.env.JOBS_QUEUE, "send").mockRejectedValueOnce(new Error("queue unavailable"));
    await bed.runJobs();
    expect(await messagesOf(bed.workspaceId)).toBe(12);
    expect(await distinctRecipients(bed.workspaceId)).toBe(12);
    const done = (await bed.owner.get(`${BASE}/campaigns/${campaign.id}`)).body;
    expect(done.status).toBe("done");
    expect(done.report.sent + done.report.deferred).toBe(12);
  });

  it("reports a customer its text cannot be written for (no first name for {firstName}) as failed, and sends to everyone after them", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin], env: { D1_QUERIES_PER_INVOCATION: "50" } });
    const ids = await seedCustomers(bed.workspaceId, 12);
    // An organization has no first name; it sits in the first chunk.
    await env.DB.prepare("update customers set kind = 'organization', first_name = null, organization_name = 'Pars Trading' where id = ?").bind(ids[2]!).run();
    const campaign = (await bed.owner.post(`${BASE}/campaigns`, { name: "Dear first name", filter: {}, channel: "sms", body: TEXT })).body;
    await bed.owner.post(`${BASE}/campaigns/${campaign.id}/send`, {});
    await bed.runJobs();
    expect(await messagesOf(bed.workspaceId)).toBe(11);
    const done = (await bed.owner.get(`${BASE}/campaigns/${campaign.id}`)).body;
    expect(done.status).toBe("done");
    expect(done.report.sent + done.report.deferred).toBe(11);
    expect(done.report.failed).toBe(1);
  });

  it("sends at a local time of the workspace, not before", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    await seedCustomers(bed.workspaceId, 3);
    const campaign = (await bed.owner.post(`${BASE}/campaigns`, { name: "Tomorrow 10:00", filter: {}, channel: "sms", body: TEXT })).body;
    // Tomorrow at 10:00 in Tehran (UTC+03:30) is 06:30 UTC.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const scheduled = await bed.owner.post(`${BASE}/campaigns/${campaign.id}/send`, { at: `${tomorrow}T10:00` });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.status).toBe("scheduled");
    expect(scheduled.body.sendAt).toBe(Date.parse(`${tomorrow}T06:30:00Z`));
    await bed.tick(new Date(`${tomorrow}T06:29:00Z`));
    expect(await messagesOf(bed.workspaceId)).toBe(0);
    await bed.tick(new Date(`${tomorrow}T06:30:00Z`));
    expect(await messagesOf(bed.workspaceId)).toBe(3);
    expect((await bed.owner.get(`${BASE}/campaigns/${campaign.id}`)).body.status).toBe("done");

    const past = await bed.owner.post(`${BASE}/campaigns`, { name: "Yesterday", filter: {}, channel: "sms", body: TEXT });
    const refused = await bed.owner.post(`${BASE}/campaigns/${past.body.id}/send`, { at: "2020-01-01T10:00" });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.at"]);
  });

  it("counts an order paid within five days as one conversion of the customer's last campaign, and delivery reports and clicks, however often they are delivered", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    await setPolicy(bed.workspaceId, { caps: { perDay: 5, perWeek: 10 } }); // two campaigns a day may reach the customer
    const customer = await bed.owner.post("/api/customers", { firstName: "Nima", mobile: "09121234567", consent: { sms: "granted" } });
    expect(customer.status).toBe(201);
    const older = (await bed.owner.post(`${BASE}/campaigns`, { name: "First", filter: {}, channel: "sms", body: TEXT })).body;
    await bed.owner.post(`${BASE}/campaigns/${older.id}/send`, {});
    await bed.runJobs();
    const latest = (await bed.owner.post(`${BASE}/campaigns`, { name: "Second", filter: {}, channel: "sms", body: TEXT })).body;
    await bed.owner.post(`${BASE}/campaigns/${latest.id}/send`, {});
    await bed.runJobs();
    await bed.drain();
    const order = await bed.owner.post("/api/orders", { customerId: customer.body.id, total: 250_000, status: "paid" });
    expect(order.status).toBe(201);
    await bed.drain();
    await bed.drain(); // every event delivered again
    const first = (await bed.owner.get(`${BASE}/campaigns/${older.id}`)).body.report;
    const second = (await bed.owner.get(`${BASE}/campaigns/${latest.id}`)).body.report;
    expect(first.conversions).toBe(0);
    expect(second).toMatchObject({ conversions: 1, revenue: 250_000 });

    // The delivery report and the click, as core announces them (twice: counted once).
    const message = await env.DB.prepare("select id, channel, purpose from messages where workspace_id = ? and idempotency_key like ?").bind(bed.workspaceId, `%campaign:${latest.id}:%`).first<{ id: string; channel: string; purpose: string }>();
    const ref = { messageId: message!.id, customerId: customer.body.id, channel: message!.channel, purpose: message!.purpose, sentByPlugin: "automation" };
    await bed.emit("message.delivered", ref);
    await bed.emit("message.clicked", { messageId: message!.id, customerId: customer.body.id, code: "Ab3dE6gH", url: "https://shop.example/sale" });
    await bed.emit("message.clicked", { messageId: message!.id, customerId: customer.body.id, code: "Ab3dE6gH", url: "https://shop.example/sale" });
    await bed.drain();
    expect((await bed.owner.get(`${BASE}/campaigns/${latest.id}`)).body.report).toMatchObject({ delivered: 1, clicked: 1, failed: 0, optedOut: 0 });

    // The customer opts out afterwards: both campaigns that reached them count it, beside sent and delivered.
    expect((await bed.owner.patch(`/api/customers/${customer.body.id}`, { consent: { sms: "withdrawn" } })).status).toBe(200);
    expect((await bed.owner.get(`${BASE}/campaigns/${latest.id}`)).body.report).toMatchObject({ sent: 1, delivered: 1, optedOut: 1 });
    expect((await bed.owner.get(`${BASE}/campaigns/${older.id}`)).body.report.optedOut).toBe(1);
    // The customer page's panel lists both campaigns and what became of each message.
    const panel = (await bed.owner.get(`${BASE}/ui/customer/${customer.body.id}`)).body.blocks;
    const campaignsTable = panel.find((block: { title?: { en: string } }) => block.title?.en === "Campaigns");
    // (The first is sent, or deferred when the test runs in quiet hours.)
    expect(campaignsTable.rows.map((row: { campaign: string; status: { en: string } }) => `${row.campaign}: ${row.status.en}`).sort()).toEqual([expect.stringMatching(/^First: (Sent|Deferred)$/), "Second: Delivered"]);
  });

  it("estimates the audience, the skips by reason and the SMS parts and cost before sending, and reports the same skips after", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    await setPolicy(bed.workspaceId, { smsPricePerPart: { outbox: 900 } });
    const [noConsent, noMobile, ...reachable] = await seedCustomers(bed.workspaceId, 6);
    await env.DB.prepare("update customers set consent_sms = 'withdrawn' where id = ?").bind(noConsent).run();
    await env.DB.prepare("delete from customer_identifiers where customer_id = ?").bind(noMobile).run();
    // One of them already had a campaign message today: the cap (one a day) holds them back.
    const earlier = (await bed.owner.post(`${BASE}/campaigns`, { name: "Earlier", filter: { stages: ["lapsed"] }, channel: "sms", body: TEXT })).body;
    await env.DB.prepare("update customers set lifecycle_stage = 'active' where workspace_id = ? and id <> ?").bind(bed.workspaceId, reachable[0]!).run();
    await bed.owner.post(`${BASE}/campaigns/${earlier.id}/send`, {});
    await bed.runJobs();
    await env.DB.prepare("update customers set lifecycle_stage = 'lapsed' where workspace_id = ?").bind(bed.workspaceId).run();

    const long = { en: "x".repeat(200), fa: "س".repeat(100) }; // 100 Persian letters: two UCS-2 parts
    const estimate = await bed.owner.post(`${BASE}/campaigns/estimate`, { filter: { stages: ["lapsed"] }, channel: "sms", body: long });
    expect(estimate.status).toBe(200);
    expect(estimate.body).toMatchObject({ audience: 6, reachable: 3, skipped: { no_consent: 1, no_address: 1, capped: 1, daily_limit: 0 } });
    expect(estimate.body.sms).toMatchObject({ encoding: "ucs2", parts: 2, recipients: 3, totalParts: 6, totalCost: { amount: 5400 } });

    const campaign = (await bed.owner.post(`${BASE}/campaigns`, { name: "Now", filter: { stages: ["lapsed"] }, channel: "sms", body: long })).body;
    await bed.owner.post(`${BASE}/campaigns/${campaign.id}/send`, {});
    await bed.runJobs();
    const report = (await bed.owner.get(`${BASE}/campaigns/${campaign.id}`)).body.report;
    expect(report).toMatchObject({ targeted: 6, skipped: { no_consent: 1, no_address: 1, capped: 1, daily_limit: 0 } });
    expect(report.sent + report.deferred).toBe(3);
  });

  it("composes a draft from the page's form with its audience and SMS parts, and lists it on the page; an agent sees the page without forms, a viewer not at all", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    await seedCustomers(bed.workspaceId, 3);
    const segmentId = await lapsedSegment(bed.owner);
    const page = await bed.owner.get(`${BASE}/ui/page`);
    expect(page.status).toBe(200);
    const form = page.body.blocks.find((block: { type: string }) => block.type === "form");
    expect(form.request).toEqual({ method: "POST", path: "/campaigns/compose" });
    expect(form.fields.find((field: { name: string }) => field.name === "segmentId").options).toEqual([{ value: segmentId, label: "Lapsed" }]);
    const composed = await bed.owner.post(`${BASE}/campaigns/compose`, { name: "From the page", segmentId, channel: "sms", textFa: "سلام {firstName}", textEn: "Hello {firstName}" });
    expect(composed.status).toBe(201);
    expect(composed.body).toMatchObject({ audience: 3, reachable: 3, parts: 1 });
    const listed = await bed.owner.get(`${BASE}/ui/page`);
    const table = listed.body.blocks.find((block: { type: string; title?: { en: string } }) => block.type === "table" && block.title?.en === "Campaigns");
    expect(table.rows).toEqual([expect.objectContaining({ name: "From the page", status: { en: "Draft", fa: "پیش‌نویس" }, targeted: 0 })]);
    const viewer = await bed.member("viewer");
    const seen = await viewer.get(`${BASE}/ui/page`);
    expect(seen.status).toBe(403); // automation:read is given to managers and agents
    const agent = await bed.member("agent");
    const agentPage = await agent.get(`${BASE}/ui/page`);
    expect(agentPage.status).toBe(200);
    expect(agentPage.body.blocks.some((block: { type: string }) => block.type === "form" || block.type === "actions")).toBe(false);
    expect((await agent.post(`${BASE}/campaigns/compose`, { name: "No", segmentId, channel: "sms", textFa: "x", textEn: "x" })).status).toBe(403);
  });

  it("composes a campaign for the customers chosen on the customers list (a static list) and sends to exactly them; another workspace's list is refused and nothing written", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const ids = await seedCustomers(bed.workspaceId, 8);
    const list = await bed.owner.post("/api/lists", { name: "Selection 7 Dec 13:20" });
    expect(list.status).toBe(201);
    const chosen = [ids[1]!, ids[4]!, ids[6]!];
    expect((await bed.owner.post(`/api/lists/${list.body.id}/members`, { add: chosen })).status).toBe(200);

    // The page, given the list, fixes the audience: no segment to choose, the list in the form's body.
    const page = await bed.owner.get(`${BASE}/ui/page?list=${list.body.id}`);
    expect(page.status).toBe(200);
    expect(page.body.blocks).toContainEqual({ type: "text", text: { en: "The 3 customers you chose", fa: "۳ مشتری که انتخاب کردید" } });
    const form = page.body.blocks.find((block: { type: string }) => block.type === "form");
    expect(form.body).toEqual({ listId: list.body.id });
    expect(form.fields.map((field: { name: string }) => field.name)).not.toContain("segmentId");

    const composed = await bed.owner.post(`${BASE}/campaigns/compose`, { name: "Chosen ones", listId: list.body.id, channel: "sms", textFa: "سلام {firstName}", textEn: "Hello {firstName}" });
    expect(composed.status, JSON.stringify(composed.body)).toBe(201);
    expect(composed.body).toMatchObject({ audience: 3, reachable: 3, parts: 1 });
    expect((await bed.owner.post(`${BASE}/campaigns/${composed.body.id}/send`, {})).status).toBe(200);
    await bed.runJobs();
    const recipients = await env.DB.prepare("select customer_id from messages where workspace_id = ? and sent_by_plugin = 'automation' order by customer_id").bind(bed.workspaceId).all<{ customer_id: string }>();
    expect(recipients.results.map((row) => row.customer_id)).toEqual([...chosen].sort());

    // Another workspace's list: not found at the field, on the page and in the composer, and no campaign saved.
    const stranger = await signUp();
    const theirs = await stranger.owner.post("/api/lists", { name: "Theirs" });
    expect(theirs.status).toBe(201);
    expect((await bed.owner.get(`${BASE}/ui/page?list=${theirs.body.id}`)).status).toBe(404);
    const refused = await bed.owner.post(`${BASE}/campaigns/compose`, { name: "Not ours", listId: theirs.body.id, channel: "sms", textFa: "x", textEn: "x" });
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.listId"]);
    const both = await bed.owner.post(`${BASE}/campaigns/compose`, { name: "Both", listId: list.body.id, segmentId: "seg_x", channel: "sms", textFa: "x", textEn: "x" });
    expect(both.status).toBe(400);
    expect(both.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.segmentId"]);
    expect(await countRows("automation_campaigns", "workspace_id = ?", bed.workspaceId)).toBe(1);
    expect(await countRows("automation_campaigns", "workspace_id = ?", stranger.workspaceId)).toBe(0);
  });

  it("refuses a campaign without an audience or a text, or with another workspace's segment, and writes nothing", async () => {
    const bed = await createPluginTestbed({ plugins: [automationPlugin] });
    const neither = await bed.owner.post(`${BASE}/campaigns`, { name: "Nothing", channel: "sms" });
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(["body.body", "body.segmentId"]);
    const unknown = await bed.owner.post(`${BASE}/campaigns`, { name: "Elsewhere", segmentId: "seg_not_ours", channel: "sms", body: TEXT });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.segmentId"]);
    expect(await countRows("automation_campaigns", "workspace_id = ?", bed.workspaceId)).toBe(0);
  });
});
