// Delivery reports and replies at /webhooks/sms/{provider}/{connectionId}, the unmatched list,
// opt-out by reply, and the message log. Callback bodies follow each provider's documented
// format (see sms-callbacks.ts for the documents).
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addMember, anonymous, signUp } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { messageLogQuery } from "./message-log.router";
import { unmatchedRepliesQuery } from "./sms-replies";
import { customerWith, interceptFetch, kavenegarAccepted, MOBILE } from "./messaging.test-support";

afterEach(() => vi.restoreAllMocks());

const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function callbackPath(owner: Awaited<ReturnType<typeof signUp>>["owner"], provider: Record<string, unknown>) {
  const saved = await owner.request("PUT", "/api/messaging/providers/sms", provider);
  expect(saved.status).toBe(200);
  return new URL(saved.body.callbackUrl as string).pathname;
}

const eventsNamed = async (name: string, key: string, value: string) =>
  (await env.DB.prepare(`select payload from events where name = ? and json_extract(payload, '$.${key}') = ?`).bind(name, value).all<{ payload: string }>()).results.map((row) => JSON.parse(row.payload));

const messageRow = (id: string) => env.DB.prepare("select status, error from messages where id = ?").bind(id).first<{ status: string; error: string | null }>();

describe("delivery reports", () => {
  it("mark a Kavenegar message delivered exactly once, however often the report comes", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const path = await callbackPath(owner, { kind: "kavenegar", apiKey: "4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D" });
    interceptFetch(() => kavenegarAccepted(8792343));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Your order is on its way" });
    expect(sent.body.status).toBe("sent");

    const first = await anonymous().request("POST", path, "messageid=8792343&status=10", FORM);
    expect(first.status).toBe(200);
    expect(first.body.reports).toEqual({ applied: 1, repeated: 0, unknown: 0 });
    // Kavenegar may call again, and by GET with the same fields in the query.
    const again = await anonymous().request("POST", path, "messageid=8792343&status=10", FORM);
    const byGet = await anonymous().get(`${path}?messageid=8792343&status=10`);
    expect([again.body.reports, byGet.body.reports]).toEqual([{ applied: 0, repeated: 1, unknown: 0 }, { applied: 0, repeated: 1, unknown: 0 }]);

    expect(await messageRow(sent.body.id)).toEqual({ status: "delivered", error: null });
    expect(await eventsNamed("message.delivered", "messageId", sent.body.id)).toEqual([
      { messageId: sent.body.id, customerId, channel: "sms", purpose: "transactional", sentByPlugin: null },
    ]);
    // A later failure report cannot undo a delivery.
    await anonymous().request("POST", path, "messageid=8792343&status=11", FORM);
    expect((await messageRow(sent.body.id))!.status).toBe("delivered");
  });

  it("record an IPPanel failure with the provider's reason and emit message.failed once", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const path = await callbackPath(owner, { kind: "ippanel", token: "ipp_Xq9LmT2vR8sK4wZ1", sender: "3000505" });
    interceptFetch(() => Response.json({ data: { message_outbox_ids: [1123544244] }, meta: { status: true, message: "انجام شد", message_code: "200-1" } }));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hi" });
    const report = { data: [{ bulk_id: 1123544244, recipient: "+989121234567", message_status: "4" }] };
    expect((await anonymous().post(path, report)).body.reports.applied).toBe(1);
    expect((await anonymous().post(path, report)).body.reports.repeated).toBe(1);
    expect(await messageRow(sent.body.id)).toEqual({ status: "failed", error: "ippanel 4: blacklisted number" });
    expect(await eventsNamed("message.failed", "messageId", sent.body.id)).toEqual([expect.objectContaining({ customerId, reason: "ippanel 4: blacklisted number" })]);
  });

  it("read SMS.ir's report, and ignore a state that is not final yet", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const path = await callbackPath(owner, { kind: "smsir", apiKey: "pdeR38lAboNkpR9AJrWgwWn2vgtbxjfc", sender: "30007732000000" });
    interceptFetch(() => Response.json({ status: 1, message: "موفق", data: { packId: "p", messageIds: [89545112], cost: 1 } }));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hi" });
    // deliveryState 3: still with the operator.
    expect((await anonymous().post(path, { messageId: 89545112, mobile: "9121234567", deliveryState: 3, deliveryDateTime: null })).body.reports).toEqual({ applied: 0, repeated: 0, unknown: 0 });
    expect((await messageRow(sent.body.id))!.status).toBe("sent");
    await anonymous().post(path, [{ messageId: 89545112, mobile: "9121234567", deliveryState: 1, deliveryDateTime: 1733500000 }]);
    expect((await messageRow(sent.body.id))!.status).toBe("delivered");
    // More items than one request's query budget covers are refused whole, before any is recorded.
    const many = Array.from({ length: 5 }, (_, i) => ({ number: `0935123456${i}`, messageText: "hi", receivedDateTime: 1733500000 + i }));
    expect((await anonymous().post(path, many)).status).toBe(413);
    expect((await owner.get("/api/messaging/unmatched")).body.items).toEqual([]);
  });

  it("can be simulated for an outbox message, through the same path as a provider's", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hi" });
    expect(sent.body.status).toBe("recorded");
    const simulated = await owner.post(`/api/messages/${sent.body.id}/simulated-report`, { status: "delivered" });
    expect(simulated.body).toMatchObject({ id: sent.body.id, status: "delivered" });
    await owner.post(`/api/messages/${sent.body.id}/simulated-report`, { status: "delivered" });
    expect(await eventsNamed("message.delivered", "messageId", sent.body.id)).toHaveLength(1);
    // And by the outbox's own callback path.
    const path = await callbackPath(owner, { kind: "outbox" });
    const other = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Again" });
    expect((await anonymous().post(path, { messageId: other.body.id, status: "failed", reason: "handset off" })).body.reports.applied).toBe(1);
    expect(await messageRow(other.body.id)).toEqual({ status: "failed", error: "handset off" });
  });
});

describe("replies", () => {
  it("from +98 912… land on the customer registered as 0912…, answering their latest SMS", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const path = await callbackPath(owner, { kind: "kavenegar", apiKey: "4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D" });
    interceptFetch(() => kavenegarAccepted(77));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "How was your order?" });
    const reply = new URLSearchParams({ messageid: "5501", from: "+98 912 123 4567", to: "10004346", message: "عالی بود، ممنون" }).toString();
    expect((await anonymous().request("POST", path, reply, FORM)).body.replies).toEqual({ matched: 1, unmatched: 0, repeated: 0 });
    expect((await anonymous().request("POST", path, reply, FORM)).body.replies).toEqual({ matched: 0, unmatched: 0, repeated: 1 });

    const timeline = await owner.get(`/api/customers/${customerId}/timeline`);
    const inbound = timeline.body.items.filter((entry: { kind: string; type?: string }) => entry.kind === "interaction" && entry.type === "sms");
    expect(inbound).toEqual([expect.objectContaining({ direction: "inbound", channel: "sms", summary: "عالی بود، ممنون" })]);
    expect(await eventsNamed("message.received", "customerId", customerId)).toEqual([
      { customerId, channel: "sms", text: "عالی بود، ممنون", inReplyToMessageId: sent.body.id, receivedAt: expect.any(Number) },
    ]);
  });

  it("from a number no customer has create nothing but are listed as unmatched, masked without customers.pii:read", async () => {
    const { owner, workspaceId } = await signUp();
    const path = await callbackPath(owner, { kind: "outbox" });
    const before = (await env.DB.prepare("select count(*) as n from interactions where workspace_id = ?").bind(workspaceId).first<{ n: number }>())!.n;
    const answer = await anonymous().post(path, { from: "۰۹۳۵۱۲۳۴۵۶۷", text: "Do you ship to Tabriz?" });
    expect(answer.body.replies).toEqual({ matched: 0, unmatched: 1, repeated: 0 });
    expect((await env.DB.prepare("select count(*) as n from interactions where workspace_id = ?").bind(workspaceId).first<{ n: number }>())!.n).toBe(before);
    expect((await env.DB.prepare("select count(*) as n from events where workspace_id = ? and name = 'message.received'").bind(workspaceId).first<{ n: number }>())!.n).toBe(0);

    const listed = await owner.get("/api/messaging/unmatched");
    expect(listed.body.items).toEqual([{ id: expect.any(String), from: "+989351234567", text: "Do you ship to Tabriz?", receivedAt: expect.any(String) }]);
    const viewer = await addMember(workspaceId, "viewer");
    expect((await viewer.get("/api/messaging/unmatched")).body.items[0].from).toBe("0935*****67");
  });

  it("'لغو' withdraws SMS consent (audited, on the timeline), is confirmed once, and a later send is skipped", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const optOut = async (text: string) => (await owner.post("/api/messaging/simulated-reply", { from: "+989121234567", text })).body.replies;
    expect(await optOut(" لغو ")).toEqual({ matched: 1, unmatched: 0, repeated: 0 });
    expect(await optOut("لغو")).toEqual({ matched: 1, unmatched: 0, repeated: 0 });

    const customer = await owner.get(`/api/customers/${customerId}`);
    expect(customer.body.consent.sms.status).toBe("withdrawn");
    const confirmations = await env.DB.prepare("select body, status from messages where customer_id = ? and idempotency_key like 'core:opt-out-confirmation:%'").bind(customerId).all();
    expect(confirmations.results).toEqual([{ body: "You are unsubscribed: you will get no more promotional SMS from us.", status: "recorded" }]);
    const audit = await owner.get("/api/audit?action=customer.consent_withdrawn");
    expect(audit.body.items).toEqual([expect.objectContaining({ action: "customer.consent_withdrawn", customerId, details: { channel: "sms", via: "sms_reply", word: "لغو" } })]);
    const timeline = await owner.get(`/api/customers/${customerId}/timeline`);
    expect(timeline.body.items.map((entry: { summary?: string }) => entry.summary)).toContain("SMS consent withdrawn by reply “لغو”");

    const later = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "marketing", body: "Yalda sale: 30% off" });
    expect(later.body).toMatchObject({ status: "skipped", reason: "no_consent" });
    expect(workspaceId).toBeTruthy();
  });

  it("compare opt-out words after folding digits, case and spaces, with the workspace's own list", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "outbox", optOutWords: ["انصراف", "11"] });
    await owner.post("/api/messaging/simulated-reply", { from: MOBILE, text: "لغو" });
    expect((await owner.get(`/api/customers/${customerId}`)).body.consent.sms.status).toBe("granted");
    await owner.post("/api/messaging/simulated-reply", { from: MOBILE, text: " ۱۱ " });
    expect((await owner.get(`/api/customers/${customerId}`)).body.consent.sms.status).toBe("withdrawn");
  });
});

describe("isolation", () => {
  it("another workspace's callback path, message or reply gives 404 and changes nothing", async () => {
    const a = await customerWith({ sms: "granted" });
    const b = await customerWith({ sms: "granted" });
    const pathA = await callbackPath(a.owner, { kind: "outbox" });
    const pathB = await callbackPath(b.owner, { kind: "outbox" });
    const messageOfB = await b.owner.post(`/api/customers/${b.customerId}/messages`, { channel: "sms", purpose: "transactional", body: "B's" });

    // A's path does not reach B's message; a wrong provider or an unknown path is a 404 too.
    expect((await anonymous().post(pathA, { messageId: messageOfB.body.id, status: "delivered" })).status).toBe(404);
    expect((await anonymous().post(pathB.replace("/outbox/", "/kavenegar/"), { messageId: messageOfB.body.id, status: "delivered" })).status).toBe(404);
    expect((await anonymous().post("/webhooks/sms/outbox/smsc_00000000000000000000000000", { messageId: messageOfB.body.id, status: "delivered" })).status).toBe(404);
    expect((await a.owner.post(`/api/messages/${messageOfB.body.id}/simulated-report`, { status: "delivered" })).status).toBe(404);
    expect((await messageRow(messageOfB.body.id))!.status).toBe("recorded");

    // A reply at A's path from B's customer's number is not B's: unmatched in A, nothing in B.
    await anonymous().post(pathA, { from: "09121234567", text: "hello" });
    expect((await b.owner.get("/api/messaging/unmatched")).body.items).toEqual([]);
    expect((await a.owner.get("/api/messages")).body.items.map((m: { id: string }) => m.id)).not.toContain(messageOfB.body.id);
  });
});

describe("the message log", () => {
  it("filters by channel, status, customer and time, and pages newest first", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted", email: "withdrawn" });
    const first = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "one" });
    await owner.post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "marketing", subject: "s", body: "two" });
    const third = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "three" });
    await owner.post(`/api/messages/${first.body.id}/simulated-report`, { status: "delivered" });

    const bodies = async (query: string) => (await owner.get(`/api/messages?${query}`)).body.items.map((m: { body: string }) => m.body);
    expect(await bodies("")).toEqual(["three", "two", "one"]);
    expect(await bodies("channel=sms")).toEqual(["three", "one"]);
    expect(await bodies("status=delivered")).toEqual(["one"]);
    expect(await bodies("purpose=marketing")).toEqual(["two"]);
    expect(await bodies("purpose=transactional&channel=sms")).toEqual(["three", "one"]);
    expect(await bodies("status=skipped&channel=email")).toEqual(["two"]);
    expect(await bodies(`customerId=${customerId}&from=${encodeURIComponent(third.body.createdAt)}`)).toEqual(["three"]);
    expect(await bodies(`to=${encodeURIComponent(third.body.createdAt)}`)).toEqual(["two", "one"]);
    const page = await owner.get("/api/messages?limit=2");
    const next = await owner.get(`/api/messages?limit=2&cursor=${page.body.nextCursor}`);
    expect([...page.body.items, ...next.body.items].map((m: { body: string }) => m.body)).toEqual(["three", "two", "one"]);
    expect(page.body.items[0].to).toBe("0912*****67");
    expect((await owner.get("/api/messages?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")).status).toBe(400);
  });

  it("reads an index for every filter, never sorting", async () => {
    const scope = openWorkspace(env, "ws_plan");
    const plan = async (filters: Parameters<typeof messageLogQuery>[1]) => {
      const { sql: text, params } = messageLogQuery(scope, filters, { before: { at: 1, id: "msg_x" }, limit: 50 }).toSQL();
      return (await env.DB.prepare(`explain query plan ${text}`).bind(...params).all<{ detail: string }>()).results.map((row) => row.detail).join("\n");
    };
    expect(await plan({})).toMatch(/SEARCH messages USING (COVERING )?INDEX messages_workspace_time_idx/);
    expect(await plan({ status: "delivered", channel: "sms", purpose: "marketing" })).toMatch(/SEARCH messages USING INDEX messages_workspace_status_time_idx \(workspace_id=\? AND status=\?/);
    expect(await plan({ customerId: "cus_1", from: 1 })).toMatch(/SEARCH messages USING INDEX messages_customer_time_idx \(workspace_id=\? AND customer_id=\?/);
    for (const filters of [{}, { status: "sent" as const }, { customerId: "cus_1" }]) expect(await plan(filters)).not.toContain("TEMP B-TREE");
    // The unmatched replies read their partial index alone, already in order.
    const { sql: text, params } = unmatchedRepliesQuery(scope, { at: 1, id: "smsr_x" }, 50).toSQL();
    const unmatched = (await env.DB.prepare(`explain query plan ${text}`).bind(...params).all<{ detail: string }>()).results.map((row) => row.detail).join("\n");
    expect(unmatched).toMatch(/SEARCH sms_replies USING INDEX sms_replies_unmatched_idx \(workspace_id=\?/);
    expect(unmatched).not.toContain("TEMP B-TREE");
  });
});
