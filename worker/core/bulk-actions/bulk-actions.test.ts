// Bulk actions on a few hundred customers, run as the jobs queue runs them on the Free plan: chunk
// by chunk, each invocation within 50 D1 queries, audited once, never applied twice.
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../index";
import { addMember, signUp, type ApiClient, type Fetcher } from "../../../test/support/client";
import { recordingQueues } from "../../../test/support/recording-queues";
import { foldName } from "../cid/fold-name";
import { nameWordInserts } from "../customers/customer-record";
import { openWorkspace } from "../data/database";
import { auditLog, events } from "../data/schema";
import { seedCustomers } from "../lifecycle/testing";
import type { BulkChunkMessage } from "./bulk-message";
import { resumeStalledBulkActions } from "./resume-stalled-bulk-actions";

const queues = recordingQueues();
/** The deployment as a free one runs it (50 D1 queries per invocation), metered. */
const freeEnv = { ...queues.env, D1_METER: "on", D1_QUERIES_PER_INVOCATION: undefined } as unknown as Env;

let meterLines: Array<Record<string, unknown>> = [];
const metered: Fetcher = {
  async fetch(request: Request) {
    const ctx = createExecutionContext();
    const response = await worker.fetch(request, freeEnv, ctx);
    const body = await response.arrayBuffer();
    await waitOnExecutionContext(ctx);
    return new Response(body, response);
  },
};

/** Delivers one chunk message to the Worker's queue handler; returns the invocation's D1 calls. */
async function deliver(body: BulkChunkMessage): Promise<number> {
  meterLines = [];
  const batch = createMessageBatch("edge-crm-jobs", [{ id: `${body.actionId}-${body.seq}-${Math.random()}`, timestamp: new Date(), attempts: 1, body }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, freeEnv, ctx);
  const result = await getQueueResult(batch, ctx);
  expect(result.explicitAcks).toHaveLength(1);
  return Number(meterLines.find((line) => line.kind === "queue")?.calls);
}

/** Runs every chunk the action queues, as the queue would; returns each invocation's D1 calls. */
async function drive(): Promise<number[]> {
  const calls: number[] = [];
  for (;;) {
    const next = queues.takeJobs().filter((body): body is BulkChunkMessage => (body as BulkChunkMessage).type === "customers.bulk");
    if (next.length === 0) return calls;
    for (const body of next) calls.push(await deliver(body));
  }
}

async function listAll(client: ApiClient, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response: { status: number; text: string; body: any } = await client.get(`/api/customers?limit=200&${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status, response.text).toBe(200);
    ids.push(...response.body.items.map((item: { id: string }) => item.id));
    cursor = response.body.nextCursor;
  } while (cursor);
  return ids;
}

const auditCount = async (workspaceId: string, action: string) =>
  Number(
    (await openWorkspace(env, workspaceId).db.select({ n: sql<number>`count(*)` }).from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action))).get())?.n,
  );

let owner: ApiClient;
let workspaceId: string;
let tehran: string[];
let shiraz: string[];

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation((text: unknown) => {
    if (typeof text === "string" && text.startsWith("d1-meter ")) meterLines.push(JSON.parse(text.slice("d1-meter ".length)));
  });
  ({ owner, workspaceId } = await signUp({ worker: metered }));
  tehran = await seedCustomers(workspaceId, Array.from({ length: 260 }, (_, i) => ({ displayName: `Tehrani ${i}`, city: "Tehran" })));
  shiraz = await seedCustomers(workspaceId, Array.from({ length: 40 }, (_, i) => ({ displayName: `Shirazi ${i}`, city: "Shiraz" })));
});

afterAll(() => vi.restoreAllMocks());

describe("bulk actions on all customers matching a filter", () => {
  it("tags every customer the filter matches, chunk by chunk within 50 D1 queries each, audited once", async () => {
    expect((await owner.post("/api/customers/bulk/count", { selection: { filter: { city: "Tehran" } } })).body).toEqual({ total: 260 });
    const created = await owner.post("/api/customers/bulk", { selection: { filter: { city: "Tehran" } }, change: { type: "tag", tag: "vip" } });
    expect(created.status, created.text).toBe(202);
    expect(created.body).toMatchObject({ action: "tag", status: "running", total: 260, done: 0 });
    expect(Number(created.headers.get("x-d1-calls"))).toBeLessThanOrEqual(50);

    const calls = await drive();
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const count of calls) expect(count).toBeLessThanOrEqual(50);

    const progress = await owner.get(`/api/customers/bulk/${created.body.id}`);
    expect(progress.body).toMatchObject({ status: "done", total: 260, done: 260, changed: 260 });
    expect(new Set(await listAll(owner, "tag=vip"))).toEqual(new Set(tehran));
    expect(await auditCount(workspaceId, "customers.bulk")).toBe(1);
    const [entry] = await openWorkspace(env, workspaceId).db.select().from(auditLog).where(eq(auditLog.action, "customers.bulk"));
    expect(entry?.details).toMatchObject({ action: "tag", tag: "vip", selection: "filter", count: 260 });
    expect((await owner.get(`/api/customers/${tehran[0]}`)).body.tags).toEqual(["vip"]);
  });

  it("never applies a chunk twice: a redelivered chunk, or one resent by the cron, changes nothing more", async () => {
    const created = await owner.post("/api/customers/bulk", { selection: { filter: { tag: "vip" } }, change: { type: "tag", tag: "gold" } });
    const first = queues.takeJobs() as BulkChunkMessage[];
    expect(first).toHaveLength(1);
    await deliver(first[0]!);
    // The same message again, as a queue may deliver it twice.
    await deliver(first[0]!);
    // The next chunk's message is lost; the cron finds the action stalled and sends it again.
    queues.takeJobs();
    const { resumed } = await resumeStalledBulkActions(freeEnv, Date.now() + 10 * 60_000);
    expect(resumed).toBe(1);
    await drive();
    const progress = await owner.get(`/api/customers/bulk/${created.body.id}`);
    expect(progress.body).toMatchObject({ status: "done", total: 260, done: 260, changed: 260 });
    const goldEvents = await openWorkspace(env, workspaceId)
      .db.select({ n: sql<number>`count(*)` })
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), eq(events.name, "customer.updated")))
      .get();
    // 260 for vip, 260 for gold: one event per customer changed, none for a repeat.
    expect(Number(goldEvents?.n)).toBe(520);
    const tags = (await owner.get(`/api/customers/${tehran[5]}`)).body.tags;
    expect(tags).toEqual(["vip", "gold"]);
  });

  it("removes a tag from all matching, assigns chosen customers an owner, and records a consent change's reason once", async () => {
    await owner.post("/api/customers/bulk", { selection: { filter: { tag: "gold" } }, change: { type: "untag", tag: "gold" } });
    await drive();
    expect(await listAll(owner, "tag=gold")).toEqual([]);
    expect((await owner.get(`/api/customers/${tehran[5]}`)).body.tags).toEqual(["vip"]);

    const agent = await addMember(workspaceId, "agent", "Agent");
    const chosen = shiraz.slice(0, 3);
    const assign = await owner.post("/api/customers/bulk", { selection: { ids: chosen }, change: { type: "assign_owner", ownerUserId: agent.identity.userId } });
    expect(assign.body.total).toBe(3);
    await drive();
    expect(new Set(await listAll(owner, `ownerUserId=${agent.identity.userId}`))).toEqual(new Set(chosen));

    const consent = await owner.post("/api/customers/bulk", {
      selection: { filter: { city: "Shiraz" } },
      change: { type: "set_consent", channel: "sms", state: "withdrawn", reason: "Asked in store to stop texts" },
    });
    await drive();
    expect((await owner.get(`/api/customers/bulk/${consent.body.id}`)).body).toMatchObject({ status: "done", changed: 40 });
    expect((await owner.get(`/api/customers/${shiraz[7]}`)).body.consent.sms.status).toBe("withdrawn");
    const [entry] = await openWorkspace(env, workspaceId).db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityId, consent.body.id)));
    expect(entry?.details).toMatchObject({ action: "set_consent", reason: "Asked in store to stop texts", count: 40 });
  });

  it("acts on a saved segment's customers as the segment selected them when asked", async () => {
    const segment = await owner.post("/api/segments", { name: "Tehran", filter: { cities: ["Tehran"] } });
    expect(segment.status, segment.text).toBe(201);
    const tagged = await owner.post("/api/customers/bulk", { selection: { segmentId: segment.body.id }, change: { type: "tag", tag: "segment-picked" } });
    expect(tagged.body.total).toBe(260);
    // Editing the segment afterwards does not change what the action works through.
    await owner.patch(`/api/segments/${segment.body.id}`, { filter: { cities: ["Shiraz"] } });
    await drive();
    expect(new Set(await listAll(owner, "tag=segment-picked"))).toEqual(new Set(tehran));
    const unknown = await owner.post("/api/customers/bulk", { selection: { segmentId: "seg_nope" }, change: { type: "tag", tag: "x" } });
    expect(unknown.status).toBe(400);
  });

  it("acts on all of a segment's customers that its search box narrows to, exactly those, chunk by chunk", async () => {
    // Seeded rows skip the name index that search reads; written here as creating a customer writes it.
    const scope = openWorkspace(env, workspaceId);
    const words = tehran.flatMap((id, i) => nameWordInserts(scope, id, foldName(`Tehrani ${i}`)));
    await scope.db.batch(words as [(typeof words)[number], ...typeof words]);
    const segment = await owner.post("/api/segments", { name: "Tehran again", filter: { cities: ["Tehran"] } });
    // "Tehrani 25" finds Tehrani 25 and Tehrani 250 to 259: a name word starting with each word typed.
    const expected = tehran.filter((_, i) => String(i).startsWith("25"));
    expect(expected).toHaveLength(11);
    const selection = { segmentId: segment.body.id, q: "Tehrani 25" };
    expect((await owner.post("/api/customers/bulk/count", { selection })).body).toEqual({ total: 11 });
    const shown = await owner.get(`/api/segments/${segment.body.id}/customers?limit=100&q=${encodeURIComponent("Tehrani 25")}`);
    expect(new Set(shown.body.items.map((item: { id: string }) => item.id))).toEqual(new Set(expected));

    const tagged = await owner.post("/api/customers/bulk", { selection, change: { type: "tag", tag: "searched-in-segment" } });
    expect(tagged.status, tagged.text).toBe(202);
    expect(tagged.body.total).toBe(11);
    for (const count of await drive()) expect(count).toBeLessThanOrEqual(50);
    expect((await owner.get(`/api/customers/bulk/${tagged.body.id}`)).body).toMatchObject({ status: "done", done: 11, changed: 11 });
    expect(new Set(await listAll(owner, "tag=searched-in-segment"))).toEqual(new Set(expected));

    // Without the search, "all matching" is every customer of the segment, and only them.
    const all = await owner.post("/api/customers/bulk", { selection: { segmentId: segment.body.id }, change: { type: "tag", tag: "whole-segment" } });
    expect(all.body.total).toBe(260);
    for (const count of await drive()) expect(count).toBeLessThanOrEqual(50);
    expect(new Set(await listAll(owner, "tag=whole-segment"))).toEqual(new Set(tehran));
  });

  it("refuses an owner from another workspace, a bad change, and a viewer, changing nothing", async () => {
    const other = await signUp();
    const stranger = await owner.post("/api/customers/bulk", { selection: { ids: shiraz }, change: { type: "assign_owner", ownerUserId: other.me.user.id } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0].path).toBe("body.change.ownerUserId");
    const bad = await owner.withLanguage("fa").post("/api/customers/bulk", { selection: { filter: {} }, change: { type: "tag", tag: "" } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const viewer = await addMember(workspaceId, "viewer", "Viewer");
    expect((await viewer.post("/api/customers/bulk", { selection: { filter: {} }, change: { type: "tag", tag: "x" } })).status).toBe(403);
    expect(queues.takeJobs()).toEqual([]);
    expect(await auditCount(workspaceId, "customers.bulk")).toBe(8);
  });

  it("erases only with customers:delete and the typed number of customers, audited once for all of them", async () => {
    const agent = await addMember(workspaceId, "agent", "Agent 2");
    const selection = { filter: { city: "Shiraz" } };
    expect((await agent.post("/api/customers/bulk", { selection, change: { type: "erase", confirmCount: 40 } })).status).toBe(403);
    const wrong = await owner.post("/api/customers/bulk", { selection, change: { type: "erase", confirmCount: 39 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: "body.change.confirmCount" });
    expect(wrong.body.errors[0].message).toContain("40");
    const erase = await owner.post("/api/customers/bulk", { selection, change: { type: "erase", confirmCount: 40 } });
    expect(erase.status).toBe(202);
    const calls = await drive();
    for (const count of calls) expect(count).toBeLessThanOrEqual(50);
    expect((await owner.get(`/api/customers/bulk/${erase.body.id}`)).body).toMatchObject({ status: "done", done: 40 });
    expect(await listAll(owner, "city=Shiraz")).toEqual([]);
    expect((await owner.get(`/api/customers/${shiraz[0]}`)).status).toBe(404);
    expect(await auditCount(workspaceId, "customer.deleted")).toBe(0);
    expect(await auditCount(workspaceId, "customers.bulk")).toBe(9);
  });
});


describe("a bulk SMS", () => {
  it("sends marketing through the policy to all a filter matches: one without consent is skipped, a redelivered chunk sends nothing twice, each chunk within 50 D1 queries", async () => {
    const shop = await signUp({ worker: metered });
    // Quiet hours over nearly the whole day: what is not sent now is deferred, never dropped or doubled.
    expect((await shop.owner.patch("/api/settings", { messaging: { quietHours: { start: "00:00", end: "23:59" } } })).status).toBe(200);
    const consenting: string[] = [];
    for (let i = 0; i < 9; i++) {
      const created = await shop.owner.post("/api/customers", { firstName: `Yazdi ${i}`, mobile: `0912100${String(i).padStart(4, "0")}`, city: "Yazd", consent: { sms: "granted" } });
      expect(created.status, created.text).toBe(201);
      consenting.push(created.body.id);
    }
    const withoutConsent = (await shop.owner.post("/api/customers", { firstName: "No texts", mobile: "09122000000", city: "Yazd" })).body.id;
    await shop.owner.post("/api/customers", { firstName: "Elsewhere", mobile: "09123000000", city: "Kerman", consent: { sms: "granted" } });

    const viewer = await addMember(shop.workspaceId, "viewer", "Viewer");
    expect((await viewer.post("/api/customers/bulk", { selection: { filter: { city: "Yazd" } }, change: { type: "send_sms", body: "x" } })).status).toBe(403);
    const neither = await shop.owner.post("/api/customers/bulk", { selection: { filter: { city: "Yazd" } }, change: { type: "send_sms" } });
    expect(neither.status).toBe(400);
    expect(neither.body.errors[0].path).toBe("body.change.body");
    expect(queues.takeJobs()).toEqual([]);

    const created = await shop.owner.post("/api/customers/bulk", { selection: { filter: { city: "Yazd" } }, change: { type: "send_sms", body: "حراج پاییزه {firstName}" } });
    expect(created.status, created.text).toBe(202);
    expect(created.body).toMatchObject({ action: "send_sms", total: 10, outcomes: null });
    const [first] = queues.takeJobs() as BulkChunkMessage[];
    const calls = [await deliver(first!), await deliver(first!), ...(await drive())];
    for (const count of calls) expect(count).toBeLessThanOrEqual(50);
    expect(calls.length).toBeGreaterThanOrEqual(3);

    const progress = (await shop.owner.get(`/api/customers/bulk/${created.body.id}`)).body;
    expect(progress).toMatchObject({ status: "done", total: 10, done: 10 });
    expect(progress.outcomes.skipped_no_consent).toBe(1);
    // The outbox (no provider set up) records instead of sending.
    expect(progress.outcomes.sent).toBeUndefined();
    expect((progress.outcomes.recorded ?? 0) + (progress.outcomes.deferred ?? 0)).toBe(9);
    expect(progress.changed).toBe(9);

    const messages = await env.DB.prepare("select customer_id, purpose, status, skip_reason, body from messages where workspace_id = ?").bind(shop.workspaceId).all<{
      customer_id: string;
      purpose: string;
      status: string;
      skip_reason: string | null;
      body: string;
    }>();
    expect(messages.results.map((row) => row.customer_id).sort()).toEqual([...consenting, withoutConsent].sort());
    expect(messages.results.every((row) => row.purpose === "marketing")).toBe(true);
    expect(messages.results.find((row) => row.customer_id === withoutConsent)).toMatchObject({ status: "skipped", skip_reason: "no_consent" });
    expect(messages.results.find((row) => row.customer_id === consenting[3])!.body).toBe("حراج پاییزه Yazdi 3");
    expect(await auditCount(shop.workspaceId, "customers.bulk")).toBe(1);
  });
});


describe("a bulk e-mail", () => {
  it("sends once to each customer of all matching with an e-mail and e-mail consent, skips the others by reason, and a redelivered chunk sends nothing twice", async () => {
    const shop = await signUp({ worker: metered });
    expect((await shop.owner.patch("/api/settings", { messaging: { quietHours: { start: "00:00", end: "23:59" } } })).status).toBe(200);
    let n = 0;
    // The workspace's customer identifier is the mobile, so everyone has one.
    const add = async (fields: Record<string, unknown>) => {
      const created = await shop.owner.post("/api/customers", { city: "Yazd", mobile: `0912500${String(n++).padStart(4, "0")}`, ...fields });
      expect(created.status, created.text).toBe(201);
      return created.body.id as string;
    };
    const consenting: string[] = [];
    for (let i = 0; i < 8; i++) consenting.push(await add({ firstName: `Yazdi ${i}`, email: `yazdi${i}@example.com`, consent: { email: "granted" } }));
    // No first name: the text goes without it rather than stopping the send.
    const nameless = await add({ lastName: "Karimi", email: "karimi@example.com", consent: { email: "granted" } });
    const withoutConsent = await add({ firstName: "No mail", email: "nomail@example.com", consent: { sms: "granted" } });
    const withoutAddress = await add({ firstName: "No address", consent: { email: "granted" } });
    await add({ firstName: "Elsewhere", email: "kerman@example.com", city: "Kerman", consent: { email: "granted" } });

    const created = await shop.owner.post("/api/customers/bulk", {
      selection: { filter: { city: "Yazd" } },
      change: { type: "send_email", subject: "حراج پاییزه {shopName}", body: "سلام {firstName}، حراج از فردا" },
    });
    expect(created.status, created.text).toBe(202);
    expect(created.body).toMatchObject({ action: "send_email", total: 11, outcomes: null });
    const [first] = queues.takeJobs() as BulkChunkMessage[];
    const calls = [await deliver(first!), await deliver(first!), ...(await drive())];
    for (const count of calls) expect(count).toBeLessThanOrEqual(50);
    expect(calls.length).toBeGreaterThanOrEqual(3);

    const progress = (await shop.owner.get(`/api/customers/bulk/${created.body.id}`)).body;
    expect(progress).toMatchObject({ status: "done", total: 11, done: 11, changed: 9 });
    expect(progress.outcomes.skipped_no_consent).toBe(1);
    expect(progress.outcomes.skipped_no_address).toBe(1);
    expect((progress.outcomes.recorded ?? 0) + (progress.outcomes.deferred ?? 0)).toBe(9);

    const messages = await env.DB.prepare("select customer_id, channel, purpose, status, skip_reason, recipient, subject, body from messages where workspace_id = ?").bind(shop.workspaceId).all<{
      customer_id: string;
      channel: string;
      purpose: string;
      status: string;
      skip_reason: string | null;
      recipient: string | null;
      subject: string;
      body: string;
    }>();
    // One message per customer of the filter, none twice, none to Kerman.
    expect(messages.results.map((row) => row.customer_id).sort()).toEqual([...consenting, nameless, withoutConsent, withoutAddress].sort());
    expect(messages.results.every((row) => row.channel === "email" && row.purpose === "marketing")).toBe(true);
    const of = (id: string) => messages.results.find((row) => row.customer_id === id)!;
    expect(of(withoutConsent)).toMatchObject({ status: "skipped", skip_reason: "no_consent" });
    expect(of(withoutAddress)).toMatchObject({ status: "skipped", skip_reason: "no_address" });
    expect(of(consenting[2]!)).toMatchObject({ recipient: "yazdi2@example.com", body: "سلام Yazdi 2، حراج از فردا" });
    expect(of(consenting[2]!).subject).toMatch(/^حراج پاییزه .+/);
    expect(of(nameless).body).toBe("سلام ، حراج از فردا");
    expect(await auditCount(shop.workspaceId, "customers.bulk")).toBe(1);
    const [entry] = await openWorkspace(env, shop.workspaceId).db.select().from(auditLog).where(and(eq(auditLog.workspaceId, shop.workspaceId), eq(auditLog.action, "customers.bulk")));
    expect(entry?.details).toMatchObject({ action: "send_email", count: 11 });
  });

  it("refuses an e-mail without a subject, a placeholder it cannot fill, or an SMS template, naming the field and changing nothing", async () => {
    const shop = await signUp({ worker: metered });
    await shop.owner.post("/api/customers", { firstName: "Sara", mobile: "09125000000", email: "sara@example.com", consent: { email: "granted" } });
    await shop.owner.post("/api/messaging/templates", { name: "sms-sale", channel: "sms", purpose: "marketing", text: { fa: "حراج", en: "Sale" } });
    const refused = async (change: Record<string, unknown>, path: string, code: string) => {
      const response = await shop.owner.withLanguage("fa").post("/api/customers/bulk", { selection: { filter: {} }, change: { type: "send_email", ...change } });
      expect(response.status, response.text).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.body.errors[0]).toMatchObject({ path, code });
      return response;
    };
    await refused({ body: "سلام" }, "body.change.subject", "subject_required");
    const misspelt = await refused({ subject: "حراج", body: "سلام {fristName}" }, "body.change.body", "unknown_placeholder");
    expect(misspelt.body.errors[0].message).toContain("{fristName}");
    // Known to templates, but a bulk send has no coupon per customer.
    await refused({ subject: "کد {coupon}", body: "سلام" }, "body.change.subject", "unknown_placeholder");
    await refused({ template: "sms-sale", subject: "حراج" }, "body.change.template", "template_channel_mismatch");
    await refused({ subject: "حراج" }, "body.change.body", "text_or_template_required");
    expect(queues.takeJobs()).toEqual([]);
    expect(await auditCount(shop.workspaceId, "customers.bulk")).toBe(0);
    const messages = await env.DB.prepare("select count(*) as n from messages where workspace_id = ?").bind(shop.workspaceId).first<{ n: number }>();
    expect(messages?.n).toBe(0);
  });
});
