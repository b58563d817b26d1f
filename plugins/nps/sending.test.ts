// Sending NPS surveys at scale and by e-mail: a send to a whole audience walked in chunks on the
// jobs queue (each customer asked once, even when a chunk runs again after a crash or comes twice,
// each chunk within the Free plan's 50 D1 queries, progress by reason), the e-mail's eleven
// one-tap links, and the one reminder to those who have not answered.
import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { anonymous } from "../../test/support/client";
import { countRows, createPluginTestbed, seedCustomers } from "../../worker/plugin-api/testing";
import { npsPlugin } from "./index";
import { at, newCustomer, newSurvey, npsBed, results, sendNow, type Bed } from "./nps.test-support";

beforeEach(() => at("2026-03-10T08:00:00Z")); // 11:30 in Tehran: inside the quiet hours' window
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const DAY = 86_400_000;
const npsMessages = (bed: Bed) => countRows("messages", "workspace_id = ? and sent_by_plugin = 'nps'", bed.workspaceId);
const distinctRecipients = async (bed: Bed) =>
  (await env.DB.prepare("select count(distinct customer_id) as n from messages where workspace_id = ? and sent_by_plugin = 'nps'").bind(bed.workspaceId).first<{ n: number }>())!.n;

type Row = Record<string, unknown>;
const rowsOf = async (table: string, workspaceId: string) => (await env.DB.prepare(`select * from ${table} where workspace_id = ?`).bind(workspaceId).all<Row>()).results;

async function putBack(table: string, workspaceId: string, rows: Row[]) {
  await env.DB.prepare(`delete from ${table} where workspace_id = ?`).bind(workspaceId).run();
  for (const row of rows) {
    const columns = Object.keys(row);
    await env.DB.prepare(`insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`).bind(...columns.map((column) => row[column])).run();
  }
}

/**
 * Runs a chunk that crashes just before its closing batch: its customers are queued and core has
 * sent their messages, but nothing of the batch is written (the sends stay queued, the campaign's
 * cursor and progress, the rollups and the throttle's clock are as before) and the next chunk is
 * never queued.
 */
async function crashBeforeBatch(bed: Bed, pending: unknown[]) {
  const [campaigns, rollups, customers, sends] = await Promise.all(["nps_campaigns", "nps_rollups", "nps_customers", "nps_sends"].map((table) => rowsOf(table, bed.workspaceId)));
  await bed.deliver(pending, "edge-crm-jobs");
  bed.takeJobs();
  await putBack("nps_campaigns", bed.workspaceId, campaigns!);
  await putBack("nps_rollups", bed.workspaceId, rollups!);
  await putBack("nps_customers", bed.workspaceId, customers!);
  const before = new Set(sends!.map((send) => send.id));
  for (const send of await rowsOf("nps_sends", bed.workspaceId)) {
    if (before.has(send.id) || send.skip_reason === "throttled") continue;
    await env.DB.prepare("update nps_sends set status = 'queued', skip_reason = null, message_id = null, sent_at = null where id = ?").bind(send.id).run();
  }
}

describe("a send to a whole audience", () => {
  it("asks each of a few hundred customers once, in chunks, even when a chunk runs again after a crash or is delivered twice, with progress by reason", async () => {
    const bed = await createPluginTestbed({ plugins: [npsPlugin], settings: { nps: { dailyCap: 170 } }, env: { D1_QUERIES_PER_INVOCATION: "150" } });
    const customers = await seedCustomers(bed.workspaceId, 200);
    // Ten were asked ten days ago (by another survey): within the 90-day throttle.
    const asked = env.DB.prepare("insert into nps_customers (workspace_id, customer_id, last_asked_at) values (?, ?, ?)");
    await env.DB.batch(customers.slice(0, 10).map((customerId) => asked.bind(bed.workspaceId, customerId, Date.now() - 10 * DAY)));
    const surveyId = await newSurvey(bed);
    const started = await bed.owner.post(`/api/plugins/nps/surveys/${surveyId}/send`, { segmentId: null });
    expect(started.status, started.text).toBe(202);
    // The request runs the first chunk itself and queues the next.
    expect(started.body).toMatchObject({ status: "running", audience: 200 });
    expect(started.body.queued).toBeGreaterThan(0);

    let chunks = 0;
    for (let pending = bed.takeJobs(); pending.length; chunks++) {
      if (chunks === 3) await crashBeforeBatch(bed, pending);
      await bed.deliver(pending, "edge-crm-jobs");
      const next = bed.takeJobs();
      // Every fifth chunk comes again (a lost acknowledgement): it asks and queues nothing.
      if (chunks % 5 === 0) {
        await bed.deliver(pending, "edge-crm-jobs");
        expect(bed.takeJobs()).toEqual([]);
      }
      pending = next;
    }
    expect(chunks).toBeGreaterThan(10);
    expect(await npsMessages(bed)).toBe(170);
    expect(await distinctRecipients(bed)).toBe(170);
    expect(await countRows("nps_sends", "workspace_id = ?", bed.workspaceId)).toBe(200);
    const [campaign] = (await bed.owner.get(`/api/plugins/nps/surveys/${surveyId}/campaigns`)).body.items;
    expect(campaign).toMatchObject({ status: "done", audience: 200, queued: 200, sent: 170, deferred: 0, failed: 0, skipped: 30, skipReasons: { throttled: 10, daily_cap: 20 } });
    const sent = await env.DB.prepare("select sum(sent) as n from nps_rollups where workspace_id = ?").bind(bed.workspaceId).first<{ n: number }>();
    expect(sent?.n).toBe(170);
  });

  it("goes on at once, without waiting for the hourly run, when a chunk could not queue the next one and the queue retries it", async () => {
    const bed = await createPluginTestbed({ plugins: [npsPlugin], env: { D1_QUERIES_PER_INVOCATION: "50" } });
    await seedCustomers(bed.workspaceId, 12);
    const surveyId = await newSurvey(bed);
    const started = await bed.owner.post(`/api/plugins/nps/surveys/${surveyId}/send`, {});
    expect(started.status, started.text).toBe(202);
    // The second chunk's attempt to queue the third fails once (the queue refused the message); the
    // consumer hands the chunk back to the queue, which delivers it again.
    const refuse = vi.spyOn(bed.worker.queues.env.JOBS_QUEUE, "send").mockRejectedValueOnce(new Error("queue unavailable"));
    await bed.runJobs();
    expect(refuse).toHaveBeenCalled();
    expect(await npsMessages(bed)).toBe(12);
    expect(await distinctRecipients(bed)).toBe(12);
    const [campaign] = (await bed.owner.get(`/api/plugins/nps/surveys/${surveyId}/campaigns`)).body.items;
    expect(campaign).toMatchObject({ status: "done", audience: 12, queued: 12 });
  });

  it("keeps every chunk within the Free plan's 50 D1 queries", async () => {
    const bed = await createPluginTestbed({ plugins: [npsPlugin], env: { D1_METER: "on", D1_QUERIES_PER_INVOCATION: undefined } });
    await seedCustomers(bed.workspaceId, 12);
    const meter: Array<Record<string, unknown>> = [];
    const log = console.log.bind(console);
    vi.spyOn(console, "log").mockImplementation((text: unknown) => {
      if (typeof text === "string" && text.startsWith("d1-meter ")) meter.push(JSON.parse(text.slice("d1-meter ".length)));
      else log(text);
    });
    await sendNow(bed, await newSurvey(bed));
    // The request (which runs the first chunk) and every chunk on the jobs queue.
    const calls = meter.filter((line) => line.kind === "queue" || (line.kind === "fetch" && String(line.path).endsWith("/send"))).map((line) => Number(line.calls));
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...calls)).toBeLessThanOrEqual(50);
    expect(await distinctRecipients(bed)).toBe(12);
  });
});

/** What the plugin sent a customer, oldest first, as core stored it. */
async function messagesTo(bed: Bed, customerId: string) {
  const rows = await env.DB.prepare("select body, status, channel from messages where workspace_id = ? and customer_id = ? and sent_by_plugin = 'nps' order by created_at, id").bind(bed.workspaceId, customerId).all<{ body: string; status: string; channel: string }>();
  return rows.results;
}

describe("the e-mail survey", () => {
  it("carries the 0–10 row as eleven one-tap links of one send, each recording its own score", async () => {
    const bed = await npsBed();
    const customerId = await newCustomer(bed, { email: "sara@example.com", consent: { sms: "granted", email: "granted" } });
    await sendNow(bed, await newSurvey(bed, { channel: "email" }));
    const [message] = await messagesTo(bed, customerId);
    expect(message).toMatchObject({ channel: "email", status: "recorded" }); // handed to the outbox provider
    const links = [...message!.body.matchAll(/https?:\/\/[^\s"<>]+(\/p\/nps\/[^\s"<>]+\/a\/([0-9a-f]{32})\/(\d+))/g)];
    expect(links.map((link) => Number(link[3]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(links.map((link) => link[2])).size).toBe(1);
    const visitor = anonymous(bed.worker).withLanguage("en");
    for (const score of [7, 0, 10, 3, 9, 1, 5, 8, 2, 6, 4]) {
      const tap = await visitor.get(links[score]![1]!);
      expect(tap.status).toBe(200);
      expect(tap.text).toContain(`Your answer: <strong>${score}</strong>`);
      const { overall, distribution } = await results(bed);
      expect(overall.responses).toBe(1);
      expect(distribution[score]).toBe(1);
    }
  });
});

describe("the reminder", () => {
  it("goes once to those who have not answered K days after being asked, never to those who have", async () => {
    const bed = await npsBed();
    const answers = await newCustomer(bed);
    const silent = await newCustomer(bed);
    const surveyId = await newSurvey(bed, { reminderDays: 2 });
    await sendNow(bed, surveyId);
    const sends = (await bed.owner.get(`/api/plugins/nps/surveys/${surveyId}/sends?customerId=${answers}`)).body.items;
    expect((await anonymous(bed.worker).get(sends[0].path + "/9")).status).toBe(200);
    await bed.tick(new Date("2026-03-11T08:00:00Z")); // a day on: too early
    expect((await messagesTo(bed, silent)).length).toBe(1);
    await bed.tick(new Date("2026-03-12T08:00:00Z")); // two days on
    const reminded = await messagesTo(bed, silent);
    expect(reminded.map((message) => message.status)).toEqual(["recorded", "recorded"]);
    expect(reminded[1]!.body).toMatch(/A reminder|یادآوری/);
    await bed.tick(new Date("2026-03-13T08:00:00Z"));
    await bed.tick(new Date("2026-03-14T08:00:00Z"));
    expect((await messagesTo(bed, silent)).length).toBe(2);
    expect((await messagesTo(bed, answers)).length).toBe(1);
  });
});
