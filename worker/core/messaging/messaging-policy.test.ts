// The sending policy every sender goes through: quiet hours defer marketing (and core sends it
// later, once, if consent still holds), caps and the daily limit skip it with the reason,
// transactional goes at once; the policy is set in /api/settings; its queries use their indexes.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { openDirectory, openWorkspace } from "../data/database";
import { sendDueMessages } from "./deferred-messages";
import { customerWith } from "./messaging.test-support";
import { closeInterruptedSends, INTERRUPTED_AFTER_MS, interruptedSendsQuery } from "./interrupted-sends";
import { dueMessagesQuery, marketingCountsQuery } from "./messages.repository";
import { sendMessage } from "./send-message";
import { pluginMessaging } from "../plugin-runtime/plugin-messaging";

const tehran = (local: string) => Date.parse(`${local}+03:30`);
const HOUR = 3_600_000;

async function dueIn(workspaceId: string, at: number): Promise<string[]> {
  const rows = await dueMessagesQuery(openDirectory(env), at, 300);
  return rows.filter((row) => row.workspaceId === workspaceId).map((row) => row.id);
}

describe("the sending policy", () => {
  it("defers a marketing SMS asked for at 22:30 Tehran time to 09:00 the next day, sends it then once though woken twice, while a transactional one goes at once", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const scope = openWorkspace(env, workspaceId);
    const at = tehran("2026-03-10T22:30:00");
    const marketing = await sendMessage(env, scope, { customerId, channel: "sms", purpose: "marketing", body: "Spring sale: 20% off", idempotencyKey: "spring-1" }, { at });
    const transactional = await sendMessage(env, scope, { customerId, channel: "sms", purpose: "transactional", body: "Your code is 4821", idempotencyKey: "otp-1" }, { at });
    const nineNextDay = tehran("2026-03-11T09:00:00");
    expect(marketing).toMatchObject({ status: "deferred", until: nineNextDay });
    expect(transactional).toMatchObject({ status: "recorded" });
    const listed = (await owner.get(`/api/customers/${customerId}/messages`)).body.items;
    expect(listed.find((m: { id: string }) => m.id === marketing.messageId)).toMatchObject({ status: "deferred", purpose: "marketing", dueAt: new Date(nineNextDay).toISOString() });

    // Not a minute early.
    expect(await dueIn(workspaceId, nineNextDay - 60_000)).toEqual([]);
    const due = await dueIn(workspaceId, nineNextDay);
    expect(due).toEqual([marketing.messageId]);
    // Two wakers (a tick and a queue retry) get the same message: one sends it.
    const job = { type: "messages.due" as const, workspaceId, messageIds: due };
    const [first, second] = await Promise.all([sendDueMessages(env, job), sendDueMessages(env, job)]);
    expect([...first, ...second].map((row) => [row.id, row.status])).toEqual([[marketing.messageId, "recorded"]]);
    expect(await dueIn(workspaceId, nineNextDay + HOUR)).toEqual([]);
  });

  it("skips the second marketing SMS within 24 hours as capped, not queued, while transactional still goes", async () => {
    const { customerId, workspaceId } = await customerWith({ sms: "granted" });
    const scope = openWorkspace(env, workspaceId);
    const send = (key: string, purpose: "marketing" | "transactional", at: number) =>
      sendMessage(env, scope, { customerId, channel: "sms", purpose, body: "Hello {firstName}", idempotencyKey: key }, { at });
    const first = await send("m1", "marketing", tehran("2026-03-10T10:00:00"));
    expect(first).toMatchObject({ status: "recorded" });
    expect(first.message.body).toBe("Hello Sara");
    expect(await send("m2", "marketing", tehran("2026-03-11T09:59:00"))).toMatchObject({ status: "skipped", reason: "capped" });
    expect(await send("t1", "transactional", tehran("2026-03-11T09:59:00"))).toMatchObject({ status: "recorded" });
    // A day later the daily cap allows one more; the third within 7 days is the weekly cap's.
    expect(await send("m3", "marketing", tehran("2026-03-11T10:01:00"))).toMatchObject({ status: "recorded" });
    expect(await send("m4", "marketing", tehran("2026-03-12T10:02:00"))).toMatchObject({ status: "recorded" });
    expect(await send("m5", "marketing", tehran("2026-03-13T10:03:00"))).toMatchObject({ status: "skipped", reason: "capped" });
    expect(await dueIn(workspaceId, tehran("2026-03-20T10:00:00"))).toEqual([]);
  });

  it("blocks a deferred message whose customer withdrew consent before it was due", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const scope = openWorkspace(env, workspaceId);
    const deferred = await sendMessage(env, scope, { customerId, channel: "sms", purpose: "marketing", body: "Spring sale", idempotencyKey: "late" }, { at: tehran("2026-03-10T23:10:00") });
    expect(deferred.status).toBe("deferred");
    expect((await owner.patch(`/api/customers/${customerId}`, { consent: { sms: "withdrawn" } })).status).toBe(200);
    const [row] = await sendDueMessages(env, { type: "messages.due", workspaceId, messageIds: await dueIn(workspaceId, tehran("2026-03-11T09:00:00")) });
    expect(row).toMatchObject({ id: deferred.messageId, status: "skipped", skipReason: "no_consent" });
  });

  it("stops marketing at the workspace's daily limit, set in the settings, and refuses a window that ends before it starts", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const other = await owner.post("/api/customers", { firstName: "Reza", mobile: "09121234568", consent: { sms: "granted" } });
    const defaults = await owner.get("/api/settings");
    expect(defaults.body.messaging).toEqual({ quietHours: { start: "09:00", end: "21:00" }, caps: { perDay: 1, perWeek: 3 }, dailyLimit: null, smsPricePerPart: {} });

    const bad = await owner.request("PATCH", "/api/settings", { messaging: { quietHours: { start: "21:00", end: "09:00" } } }, { "accept-language": "fa" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: "body.messaging.quietHours.end", code: "quiet_hours_empty", message: "پایان بازهٔ ارسال باید پس از آغاز آن باشد." })]);
    expect((await owner.get("/api/settings")).body.messaging).toEqual(defaults.body.messaging);

    const changed = await owner.patch("/api/settings", { messaging: { dailyLimit: 1 } });
    expect(changed.status).toBe(200);
    expect(changed.body.messaging).toMatchObject({ dailyLimit: 1, caps: { perDay: 1, perWeek: 3 } });
    const scope = openWorkspace(env, workspaceId);
    const at = tehran("2026-03-10T12:00:00");
    expect(await sendMessage(env, scope, { customerId, channel: "sms", purpose: "marketing", body: "Sale", idempotencyKey: "d1" }, { at })).toMatchObject({ status: "recorded" });
    expect(await sendMessage(env, scope, { customerId: other.body.id, channel: "sms", purpose: "marketing", body: "Sale", idempotencyKey: "d2" }, { at })).toMatchObject({
      status: "skipped",
      reason: "daily_limit",
    });
    // The next local day starts a new count.
    expect(await sendMessage(env, scope, { customerId: other.body.id, channel: "sms", purpose: "marketing", body: "Sale", idempotencyKey: "d3" }, { at: tehran("2026-03-11T09:00:00") })).toMatchObject({
      status: "recorded",
    });
  });
});

describe("ctx.messaging", () => {
  it("gives a plugin the same policy: deferred at night with its time, capped after one, and the policy and preview to estimate with", async () => {
    const { customerId, workspaceId } = await customerWith({ sms: "granted" });
    const at = tehran("2026-03-10T22:30:00");
    const messaging = pluginMessaging(env, openWorkspace(env, workspaceId), "nps", () => at);
    const night = await messaging.send({ customerId, channel: "sms", purpose: "marketing", body: { fa: "نظرتان؟ {link}", en: "Your opinion? {link}" }, link: { url: "https://shop.example/nps" }, idempotencyKey: "nps-1" });
    expect(night).toEqual({ status: "deferred", messageId: expect.any(String), until: tehran("2026-03-11T09:00:00") });
    // The deferred one counts against the cap: a second marketing send is skipped, not queued.
    expect(await messaging.send({ customerId, channel: "sms", purpose: "marketing", body: "Again", idempotencyKey: "nps-2" })).toEqual({ status: "skipped", messageId: expect.any(String), reason: "capped" });
    expect(await messaging.send({ customerId, channel: "sms", purpose: "marketing", body: "Again", idempotencyKey: "nps-1" })).toEqual(night);
    expect(await messaging.policy()).toEqual({ quietHours: { start: "09:00", end: "21:00" }, caps: { perDay: 1, perWeek: 3 }, dailyLimit: null, timeZone: "Asia/Tehran" });
    expect(await messaging.preview({ channel: "sms", body: "سلام", recipients: 10 })).toMatchObject({ encoding: "ucs2", parts: 1, charactersLeft: 66, recipients: 10, cost: null });
  });
});

interface PlanStep {
  detail: string;
}

async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<PlanStep>();
  return results.map((step) => step.detail);
}

describe("a send whose provider call never came back", () => {
  it("is closed as failed once, with message.failed for its sender, and never sent again", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const scope = openWorkspace(env, workspaceId);
    const sent = await sendMessage(env, scope, { customerId, channel: "sms", purpose: "transactional", body: "Your order shipped", idempotencyKey: "shipped-1" });
    const fresh = await sendMessage(env, scope, { customerId, channel: "sms", purpose: "transactional", body: "Your code is 1234", idempotencyKey: "otp-2" });
    // The worker died after taking both messages and before the provider's answer was written.
    const wentOut = Date.now() - INTERRUPTED_AFTER_MS - 60_000;
    await env.DB.prepare("update messages set status = 'sending', completed_at = null, created_at = ? where id = ?").bind(wentOut, sent.messageId).run();
    await env.DB.prepare("update messages set status = 'sending', completed_at = null where id = ?").bind(fresh.messageId).run();
    const failedEvents = async () =>
      (await env.DB.prepare("select count(*) as n from events where workspace_id = ? and name = 'message.failed'").bind(workspaceId).first<{ n: number }>())!.n;

    expect(await closeInterruptedSends(env)).toEqual({ closed: 1 });
    // A second tick (or two at once) finds nothing more to close and tells nobody twice.
    expect(await Promise.all([closeInterruptedSends(env), closeInterruptedSends(env)])).toEqual([{ closed: 0 }, { closed: 0 }]);
    expect(await failedEvents()).toBe(1);
    const listed = (await owner.get(`/api/customers/${customerId}/messages`)).body.items as Array<{ id: string; status: string; error?: string }>;
    expect(listed.find((m) => m.id === sent.messageId)).toMatchObject({ status: "failed", error: expect.stringContaining("interrupted") });
    // The one whose call may still be under way is left alone.
    expect(listed.find((m) => m.id === fresh.messageId)).toMatchObject({ status: "sending" });
    // Asked again with its key, it is not sent a second time.
    expect(await sendMessage(env, scope, { customerId, channel: "sms", purpose: "transactional", body: "Your order shipped", idempotencyKey: "shipped-1" })).toMatchObject({ status: "failed", replayed: true });
  });
});

describe("the policy's queries", () => {
  it("find interrupted sends from the in-flight messages' partial index", async () => {
    const plan = await planOf(interruptedSendsQuery(openDirectory(env), Date.now(), 5));
    expect(plan.join("\n")).toContain("messages_sending_idx");
  });

  it("wake deferred messages from their partial index, due first, without a scan or a sort", async () => {
    const plan = await planOf(dueMessagesQuery(openDirectory(env), Date.now(), 300));
    expect(plan.join("\n")).toContain("messages_deferred_due_idx");
    expect(plan.filter((step) => /^SCAN|TEMP B-TREE/.test(step))).toEqual([]);
  });

  it("count a customer's marketing and the workspace's day from the marketing indexes", async () => {
    const scope = openWorkspace(env, "wsp_plans");
    const plan = await planOf(marketingCountsQuery(scope, "cus_x", "sms", { day: 1, week: 1, localMidnight: 1 }));
    expect(plan.filter((step) => step.includes("messages_marketing_customer_idx"))).toHaveLength(2);
    expect(plan.filter((step) => step.includes("messages_marketing_time_idx"))).toHaveLength(1);
    expect(plan.filter((step) => /SCAN messages/.test(step))).toEqual([]);
  });
});
