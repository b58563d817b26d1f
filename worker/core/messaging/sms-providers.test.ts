// IPPanel, SMS.ir and the template ("pattern" / "verify lookup") sends: each request checked
// against the provider's documented format, answered with the documentation's example answers,
// without network (global fetch is intercepted).
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openWorkspace } from "../data/database";
import { buildProvider } from "./provider-factory";
import { customerWith, interceptFetch } from "./messaging.test-support";
import { findProvider, providerForSending } from "./providers.repository";

afterEach(() => vi.restoreAllMocks());

const TOKEN = "ipp_Xq9LmT2vR8sK4wZ1";
const SMS_IR_KEY = "pdeR38lAboNkpR9AJrWgwWn2vgtbxjfc";

// github.com/ippanelcom/Edge-Document, docs/send/webservice.md and docs/send/pattern.md: success.
const ippanelAccepted = (id = 1123544244) =>
  Response.json({ data: { message_outbox_ids: [id] }, meta: { status: true, message: "انجام شد", message_parameters: [], message_code: "200-1" } });
// The same documents: an invalid or expired token, answered 401.
const ippanelRefused = () =>
  Response.json({ data: null, meta: { status: false, message: "اطلاعات وارد شده صحیح نمی باشد", message_parameters: [], message_code: "400-1", errors: {} } }, { status: 401 });
// apidocs.sms.ir, "ارسال گروهی" (send/bulk) and "ارسال وریفای" (send/verify): success answers.
const smsIrBulkAccepted = () => Response.json({ status: 1, message: "موفق", data: { packId: "0b7c3a8e-5f1d-4b2a-9c6e-1d2f3a4b5c6d", messageIds: [89545112], cost: 1 } });
const smsIrVerifyAccepted = () => Response.json({ status: 1, message: "موفق", data: { messageId: 89545113, cost: 1 } });

describe("the IPPanel (Faraz SMS) provider", () => {
  it("sends the documented webservice request: POST /v1/api/send, the token in Authorization, E.164 numbers", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const saved = await owner.request("PUT", "/api/messaging/providers/sms", { kind: "ippanel", token: TOKEN, sender: "3000505" });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ kind: "ippanel", sender: "3000505", token: { set: true, hint: "…4wZ1" } });
    expect(JSON.stringify(saved.body)).not.toContain(TOKEN);
    const { calls } = interceptFetch(() => ippanelAccepted());
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "سفارش شما ارسال شد" });
    expect(sent.body).toMatchObject({ status: "sent", provider: "ippanel", providerMessageId: "1123544244" });
    const [request] = calls;
    expect(request).toMatchObject({ method: "POST", url: "https://edge.ippanel.com/v1/api/send" });
    expect(request!.headers.get("authorization")).toBe(TOKEN);
    expect(request!.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ sending_type: "webservice", from_number: "+983000505", message: "سفارش شما ارسال شد", params: { recipients: ["+989121234567"] } });
  });

  it("records the documented refusal (meta.status false) as failed with its code and text", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "ippanel", token: TOKEN, sender: "+983000505" });
    interceptFetch(() => ippanelRefused());
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hi" });
    expect(sent.body).toMatchObject({ status: "failed", error: "ippanel 400-1: اطلاعات وارد شده صحیح نمی باشد" });
  });

  it("sends a pattern the documented way: sending_type pattern, code, one recipient, params by name", async () => {
    const { owner, workspaceId } = await customerWith({ sms: "granted" });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "ippanel", token: TOKEN, sender: "3000505" });
    const { calls } = interceptFetch(() => ippanelAccepted(1123594208));
    const provider = buildProvider(await providerForSending(env, openWorkspace(env, workspaceId), await findProvider(openWorkspace(env, workspaceId), "sms")));
    const outcome = await provider.sendTemplate!({ id: "msg_1", channel: "sms", to: "+989121234567", subject: null, body: "کد شما 4821", template: { name: "p4tt3rnc0d3", values: { code: "4821" } } });
    expect(outcome).toEqual({ status: "sent", providerMessageId: "1123594208" });
    expect(JSON.parse(calls[0]!.body)).toEqual({ sending_type: "pattern", from_number: "+983000505", code: "p4tt3rnc0d3", recipients: ["+989121234567"], params: { code: "4821" } });
  });
});

describe("the SMS.ir provider", () => {
  it("sends the documented bulk request: POST /v1/send/bulk with x-api-key, lineNumber, messageText, mobiles", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const saved = await owner.request("PUT", "/api/messaging/providers/sms", { kind: "smsir", apiKey: SMS_IR_KEY, sender: "30007732000000" });
    expect(saved.status).toBe(200);
    expect(saved.body.apiKey).toEqual({ set: true, hint: "…xjfc" });
    const { calls } = interceptFetch(() => smsIrBulkAccepted());
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Your order shipped" });
    expect(sent.body).toMatchObject({ status: "sent", provider: "smsir", providerMessageId: "89545112" });
    const [request] = calls;
    expect(request).toMatchObject({ method: "POST", url: "https://api.sms.ir/v1/send/bulk" });
    expect(request!.headers.get("x-api-key")).toBe(SMS_IR_KEY);
    expect(JSON.parse(request!.body)).toEqual({ lineNumber: 30007732000000, messageText: "Your order shipped", mobiles: ["09121234567"] });
  });

  it("treats a status other than 1 as a failure, whatever HTTP says", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "smsir", apiKey: SMS_IR_KEY, sender: "30007732000000" });
    interceptFetch(() => Response.json({ status: 0, message: "اعتبار کافی نیست", data: null }));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hi" });
    expect(sent.body).toMatchObject({ status: "failed", error: "sms.ir 0: اعتبار کافی نیست" });
  });

  it("sends a verify template the documented way: mobile, numeric templateId, parameters as name/value pairs", async () => {
    const { owner, workspaceId } = await customerWith({ sms: "granted" });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "smsir", apiKey: SMS_IR_KEY, sender: "30007732000000" });
    const { calls } = interceptFetch(() => smsIrVerifyAccepted());
    const scope = openWorkspace(env, workspaceId);
    const provider = buildProvider(await providerForSending(env, scope, await findProvider(scope, "sms")));
    const outcome = await provider.sendTemplate!({ id: "msg_1", channel: "sms", to: "+989121234567", subject: null, body: "سارا، کد شما 4821", template: { name: "100000", values: { CODE: "4821", NAME: "سارا" } } });
    expect(outcome).toEqual({ status: "sent", providerMessageId: "89545113" });
    expect(calls[0]!.url).toBe("https://api.sms.ir/v1/send/verify");
    expect(JSON.parse(calls[0]!.body)).toEqual({ mobile: "09121234567", templateId: 100000, parameters: [{ name: "CODE", value: "4821" }, { name: "NAME", value: "سارا" }] });
  });
});

describe("the Kavenegar template send", () => {
  it("calls verify/lookup.json with receptor, template and token, token2 in the template's order", async () => {
    const { owner, workspaceId } = await customerWith({ sms: "granted" });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: "4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D" });
    // kavenegar.com/rest.html, verify/lookup: the same { return, entries } answer as send.
    const { calls } = interceptFetch(() => Response.json({ return: { status: 200, message: "تایید شد" }, entries: [{ messageid: 8792343, status: 5, statustext: "ارسال به مخابرات" }] }));
    const scope = openWorkspace(env, workspaceId);
    const provider = buildProvider(await providerForSending(env, scope, await findProvider(scope, "sms")));
    expect(await provider.sendTemplate!({ id: "m", channel: "sms", to: "+989121234567", subject: null, body: "Sara, 4821", template: { name: "verify", values: { code: "4821", name: "Sara" } } })).toEqual({ status: "sent", providerMessageId: "8792343" });
    expect(calls[0]!.url).toBe("https://api.kavenegar.com/v1/4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D/verify/lookup.json");
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toEqual({ receptor: "09121234567", template: "verify", token: "4821", token2: "Sara" });
  });
});

describe("SMS provider settings", () => {
  it("never give a key back, and need one when the provider changes", async () => {
    const { owner } = await customerWith({ sms: "granted" });
    const missing = await owner.request("PUT", "/api/messaging/providers/sms", { kind: "smsir", sender: "30007732000000" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: "body.apiKey" })]);
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "ippanel", token: TOKEN, sender: "3000505" });
    const listed = await owner.get("/api/messaging/providers");
    expect(JSON.stringify(listed.body)).not.toContain(TOKEN);
    expect(listed.body.sms.callbackUrl).toMatch(/^https:\/\/crm\.test\/webhooks\/sms\/ippanel\/smsc_[0-9a-z]{26}$/);
  });
});
