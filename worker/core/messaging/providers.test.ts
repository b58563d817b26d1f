import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addMember, signUp } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";
import { consoleOutput, customerWith, interceptFetch, kavenegarAccepted } from "./messaging.test-support";

afterEach(() => vi.restoreAllMocks());

const API_KEY = "4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D";
const TOKEN = "re_live_9f8e7d6c5b4a39281706";

describe("the Kavenegar provider", () => {
  it("sends exactly the documented request: POST, the key in the path, a form with receptor, message and sender", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    expect((await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY, sender: "۱۰۰۰۴۳۴۶" })).status).toBe(200);
    const { calls } = interceptFetch(() => kavenegarAccepted(42));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "سفارش شما آماده است & منتظر شما هستیم" });
    expect(sent.body).toMatchObject({ status: "sent", provider: "kavenegar", providerMessageId: "42" });
    expect(calls).toHaveLength(1);
    const [request] = calls;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(`https://api.kavenegar.com/v1/${API_KEY}/sms/send.json`);
    expect(request!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(request!.body);
    expect([...form.keys()].sort()).toEqual(["message", "receptor", "sender"]);
    expect(Object.fromEntries(form)).toEqual({ receptor: "09121234567", message: "سفارش شما آماده است & منتظر شما هستیم", sender: "10004346" });
  });

  it("leaves the sender out when none is set, so the account's default line is used", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY });
    const { calls } = interceptFetch(() => kavenegarAccepted());
    await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hi" });
    expect([...new URLSearchParams(calls[0]!.body).keys()].sort()).toEqual(["message", "receptor"]);
  });

  it("treats a non-200 `return.status` as a failure even when HTTP says 200", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY });
    interceptFetch(() => Response.json({ return: { status: 412, message: "ارسال کننده نامعتبر است" }, entries: null }));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hi" });
    expect(sent.body).toMatchObject({ status: "failed", error: "kavenegar 412: ارسال کننده نامعتبر است" });
  });
});

describe("the e-mail HTTP provider", () => {
  it("posts {from, to, subject, text} as JSON with the bearer token", async () => {
    const { owner, customerId } = await customerWith({ email: "granted" });
    const saved = await owner.request("PUT", "/api/messaging/providers/email", { kind: "http", url: "https://mail.example.com/v1/send", token: TOKEN, from: "Shop@Example.com" });
    expect(saved.status).toBe(200);
    const { calls } = interceptFetch(() => Response.json({ id: "em_123" }, { status: 202 }));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "transactional", subject: "Your receipt", body: "Thank you!" });
    expect(sent.body).toMatchObject({ status: "sent", provider: "http", providerMessageId: "em_123", subject: "Your receipt", to: "s***a@example.com" });
    const [request] = calls;
    expect(request).toMatchObject({ method: "POST", url: "https://mail.example.com/v1/send" });
    expect(request!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ from: "shop@example.com", to: "sara@example.com", subject: "Your receipt", text: "Thank you!" });
  });

  it("records a non-2xx answer as failed", async () => {
    const { owner, customerId } = await customerWith({ email: "granted" });
    await owner.request("PUT", "/api/messaging/providers/email", { kind: "http", url: "https://mail.example.com/v1/send", token: TOKEN, from: "shop@example.com" });
    interceptFetch(() => new Response("unauthorized", { status: 401 }));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "transactional", subject: "Hi", body: "x" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: "failed", error: "e-mail API answered HTTP 401" });
  });

  it("accepts only public https URLs on port 443 or 8443, none carrying credentials, and stores none of the others", async () => {
    const { owner } = await signUp();
    const before = await databaseFingerprint();
    for (const [url, code] of [
      ["http://mail.example.com/send", "url_https_required"],
      ["ftp://mail.example.com/send", "url_https_required"],
      ["mail.example.com/send", "invalid_url"],
      ["https://user:pass@mail.example.com/send", "url_has_credentials"],
      ["https://127.0.0.1:8025/send", "url_port_not_allowed"],
      ["https://mail.example.com:25/send", "url_port_not_allowed"],
      ["https://127.0.0.1/send", "url_not_public"],
      ["https://169.254.169.254/latest/meta-data/", "url_not_public"],
      ["https://[::1]/send", "url_not_public"],
      ["https://[::ffff:10.0.0.1]/send", "url_not_public"],
      ["https://10.0.0.1/", "url_not_public"],
      ["https://127.0.0.1.nip.io/send", "url_not_public"],
      ["https://10-0-0-1.sslip.io/send", "url_not_public"],
      ["https://localtest.me/send", "url_not_public"],
      ["https://mail.localhost/send", "url_not_public"],
    ]) {
      const response = await owner.withLanguage("fa").request("PUT", "/api/messaging/providers/email", { kind: "http", url, token: TOKEN, from: "shop@example.com" });
      expect(response.status, url).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.body.errors, url).toEqual([expect.objectContaining({ path: "body.url", code })]);
      expect(response.body.errors[0].message, url).toMatch(/[\u0600-\u06ff]/);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("does not follow a redirect from the e-mail API, and calls nothing for a private URL saved earlier", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ email: "granted" });
    await owner.request("PUT", "/api/messaging/providers/email", { kind: "http", url: "https://mail.example.com/v1/send", token: TOKEN, from: "shop@example.com" });
    const { calls } = interceptFetch(() => new Response(null, { status: 307, headers: { location: "https://169.254.169.254/latest/meta-data/" } }));
    const redirected = await owner.post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "transactional", subject: "Hi", body: "x" });
    expect(redirected.body).toMatchObject({ status: "failed", error: "redirect (307) not followed" });
    expect(calls.map((call) => call.url)).toEqual(["https://mail.example.com/v1/send"]);

    // As if saved before the rule existed: the address is checked again before the call.
    await env.DB.prepare("update messaging_providers set config = json_set(config, '$.url', 'https://127.0.0.1.nip.io/send') where workspace_id = ? and channel = 'email'")
      .bind(workspaceId)
      .run();
    const refused = await owner.post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "transactional", subject: "Hi", body: "y" });
    expect(refused.body).toMatchObject({ status: "failed", error: "address refused (url_not_public)" });
    expect(calls).toHaveLength(1);
  });

  it("reports a closed port and a silent host with the same text", async () => {
    const { owner, customerId } = await customerWith({ email: "granted" });
    await owner.request("PUT", "/api/messaging/providers/email", { kind: "http", url: "https://mail.example.com/v1/send", token: TOKEN, from: "shop@example.com" });
    interceptFetch(({ url }) => Promise.reject(new Error(`connect ECONNREFUSED ${new URL(url).host}:443`)));
    const closed = await owner.post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "transactional", subject: "Hi", body: "closed" });
    vi.restoreAllMocks();
    interceptFetch(() => Promise.reject(new DOMException("The operation was aborted due to timeout", "TimeoutError")));
    const silent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "transactional", subject: "Hi", body: "silent" });
    expect(closed.body.status).toBe("failed");
    expect(closed.body.error).toBe(silent.body.error);
    expect(closed.body.error).not.toContain("ECONNREFUSED");
  });
});

describe("configuring providers", () => {
  it("starts on the outbox for both channels", async () => {
    const { owner } = await signUp();
    const providers = await owner.get("/api/messaging/providers");
    expect(providers.body).toEqual({
      sms: { channel: "sms", kind: "outbox", callbackUrl: null, optOutWords: ["لغو", "11", "stop"], updatedAt: null },
      email: { channel: "email", kind: "outbox", updatedAt: null },
    });
  });

  it("tells an agent which channels deliver, and nothing about the providers", async () => {
    const { owner, workspaceId } = await signUp();
    const agent = await addMember(workspaceId, "agent");
    expect((await agent.get("/api/messaging/providers")).status).toBe(403);
    expect((await agent.get("/api/messaging/channels")).body).toEqual({ sms: { delivers: false }, email: { delivers: false } });
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY, sender: "10004346" });
    const channels = await agent.get("/api/messaging/channels");
    expect(channels.body).toEqual({ sms: { delivers: true }, email: { delivers: false } });
    expect(channels.text).not.toContain("kavenegar");
  });

  it("never gives a secret back: not on GET, not in the audit log, the export or the logs", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted", email: "granted" });
    const logs = await consoleOutput(async () => {
      const put = await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY, sender: "10004346" });
      expect(put.body).toMatchObject({ kind: "kavenegar", sender: "10004346", apiKey: { set: true, hint: "…9C0D" } });
      await owner.request("PUT", "/api/messaging/providers/email", { kind: "http", url: "https://mail.example.com/send", token: TOKEN, from: "shop@example.com" });
      const got = await owner.get("/api/messaging/providers");
      expect(got.body.email).toMatchObject({ kind: "http", url: "https://mail.example.com/send", from: "shop@example.com", token: { set: true } });
      expect(got.text).not.toContain(API_KEY);
      expect(got.text).not.toContain(TOKEN);
      // A failing gateway whose error names the URL (which holds the key) does not leak it either.
      interceptFetch(({ url }) => Promise.reject(new Error(`connect ECONNREFUSED ${url}`)));
      const failed = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "x" });
      expect(failed.body.status).toBe("failed");
      expect(failed.text).not.toContain(API_KEY);
      vi.restoreAllMocks();
      const timeline = await owner.get(`/api/customers/${customerId}/timeline`);
      expect(timeline.text).not.toContain(API_KEY);
    });
    expect(logs).not.toContain(API_KEY);
    expect(logs).not.toContain(TOKEN);
    const audit = await env.DB.prepare("select action, entity_id, details from audit_log where workspace_id = ? and action = 'messaging.provider_updated' order by id").bind(workspaceId).all<{ details: string }>();
    expect(audit.results.map((row) => ({ ...row, details: JSON.parse(row.details) }))).toEqual([
      { action: "messaging.provider_updated", entity_id: "sms", details: { channel: "sms", kind: "kavenegar", previousKind: "outbox" } },
      { action: "messaging.provider_updated", entity_id: "email", details: { channel: "email", kind: "http", previousKind: "outbox" } },
    ]);
    const exported = await owner.get("/api/export/workspace.json");
    expect(exported.status).toBe(200);
    expect(exported.text).not.toContain(API_KEY);
    expect(exported.text).not.toContain(TOKEN);
  });

  it("keeps the stored key when an edit leaves it out, and asks for one when the kind is new", async () => {
    const { owner } = await signUp();
    const missing = await owner.withLanguage("fa").request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", sender: "10004346" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: "body.apiKey", code: "secret_required" })]);
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY, sender: "10004346" });
    const edited = await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", sender: "30005006" });
    expect(edited.body).toMatchObject({ sender: "30005006", apiKey: { set: true, hint: "…9C0D" } });
    // Back to the outbox forgets the key: switching again needs it anew.
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "outbox" });
    expect((await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar" })).status).toBe(400);
  });

  it("refuses bad input with 400 problem+json naming the field, and writes nothing", async () => {
    const { owner } = await signUp();
    const before = await databaseFingerprint();
    const cases: Array<[string, unknown, string]> = [
      ["sms", { kind: "http", url: "https://x.example.com", token: TOKEN, from: "a@b.co" }, "body.kind"],
      ["sms", { kind: "kavenegar", apiKey: "bad key/with slash" }, "body.apiKey"],
      ["sms", { kind: "kavenegar", apiKey: API_KEY, sender: "line-one" }, "body.sender"],
      ["sms", { kind: "outbox", apiKey: API_KEY }, "body"],
      ["email", { kind: "http", url: "https://x.example.com", token: TOKEN, from: "not-an-email" }, "body.from"],
      ["email", { kind: "kavenegar", apiKey: API_KEY }, "body.kind"],
    ];
    for (const [channel, body, path] of cases) {
      const response = await owner.withLanguage("fa").request("PUT", `/api/messaging/providers/${channel}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.body.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(path);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("is for those who manage settings only", async () => {
    const { workspaceId } = await signUp();
    const manager = await addMember(workspaceId, "manager");
    expect((await manager.get("/api/messaging/providers")).status).toBe(403);
    expect((await manager.request("PUT", "/api/messaging/providers/sms", { kind: "outbox" })).status).toBe(403);
  });
});
