import { env } from "cloudflare:test";
import { noAnswer, OUTBOUND_TIMEOUT_MS } from "../outbound/safe-fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addMember, signUp } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";
import { openWorkspace } from "../data/database";
import { customerWith, interceptFetch, kavenegarAccepted, MOBILE } from "./messaging.test-support";
import { sendMessage } from "./send-message";

afterEach(() => vi.restoreAllMocks());

const useKavenegar = (owner: Awaited<ReturnType<typeof signUp>>["owner"]) =>
  owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: "4A6B7C8D9E0F1A2B3C4D5E6F", sender: "10004346" });

describe("sending a message to a customer", () => {
  it("records an SMS through the default outbox, with no gateway account", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Your order is ready" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ channel: "sms", status: "recorded", provider: "outbox", reason: null, to: "0912*****67", body: "Your order is ready" });
    expect(sent.body.completedAt).not.toBeNull();
    const list = await owner.get(`/api/customers/${customerId}/messages`);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([sent.body.id]);
  });

  it("sends nothing without consent: the provider is never called and the skip says why", async () => {
    for (const consent of ["unknown", "withdrawn"] as const) {
      const { owner, customerId } = await customerWith({ sms: consent, email: "granted" });
      expect((await useKavenegar(owner)).status).toBe(200);
      const { calls } = interceptFetch(() => kavenegarAccepted());
      const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Sale starts today" });
      expect(sent.status, consent).toBe(201);
      expect(sent.body).toMatchObject({ status: "skipped", reason: "no_consent", provider: null });
      expect(calls).toEqual([]);
      vi.restoreAllMocks();
    }
  });

  it("skips a channel the customer has no address for", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted", email: "granted" }, { email: "sara@example.com" });
    const result = await sendMessage(env, openWorkspace(env, workspaceId), { customerId, channel: "sms", purpose: "transactional", body: "Hi", idempotencyKey: "no-mobile" });
    expect(result).toMatchObject({ status: "skipped", reason: "no_address", replayed: false });
    const [shown] = (await owner.get(`/api/customers/${customerId}/messages`)).body.items;
    expect(shown).toMatchObject({ status: "skipped", reason: "no_address", to: null });
  });

  it("sends once for one idempotency key, however often it is repeated", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    await useKavenegar(owner);
    const { calls } = interceptFetch(() => kavenegarAccepted());
    const body = { channel: "sms", purpose: "transactional", body: "Thanks for your order", idempotencyKey: "order-1042-thanks" };
    const first = await owner.post(`/api/customers/${customerId}/messages`, body);
    const again = await owner.post(`/api/customers/${customerId}/messages`, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ status: "sent", providerMessageId: "8792343" });
    expect(calls).toHaveLength(1);
    expect((await owner.get(`/api/customers/${customerId}/messages`)).body.items).toHaveLength(1);
  });

  it("sends once when five callers race with the same key", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    await useKavenegar(owner);
    // The gateway answers slowly, so every caller is in flight before the first one finishes.
    const { calls } = interceptFetch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return kavenegarAccepted();
    });
    const scope = openWorkspace(env, workspaceId);
    const input = { customerId, channel: "sms" as const, purpose: "transactional" as const, body: "Your code: 4821", idempotencyKey: "otp-7", sentBy: { plugin: "loyalty" } };
    const results = await Promise.all(Array.from({ length: 5 }, () => sendMessage(env, scope, input)));
    expect(calls).toHaveLength(1);
    expect(new Set(results.map((result) => result.messageId)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    const rows = await env.DB.prepare("select status, sent_by_plugin from messages where workspace_id = ?").bind(workspaceId).all();
    expect(rows.results).toEqual([{ status: "sent", sent_by_plugin: "loyalty" }]);
    // Once settled, a late repeat reports the first send.
    expect(await sendMessage(env, scope, input)).toMatchObject({ status: "sent", replayed: true, providerMessageId: "8792343" });
  });

  it("keeps a staff member's key from using up a plugin's key", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "typed by staff", idempotencyKey: "nps-survey-1" });
    const fromPlugin = await sendMessage(env, openWorkspace(env, workspaceId), {
      customerId,
      channel: "sms",
      purpose: "transactional",
      body: "How did we do?",
      idempotencyKey: "nps-survey-1",
      sentBy: { plugin: "nps" },
    });
    expect(fromPlugin).toMatchObject({ status: "recorded", replayed: false });
  });

  it("refuses a key already used for another customer with 409, sending nothing", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const other = await owner.post("/api/customers", { mobile: "09351112233", consent: { sms: "granted" } });
    await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "one", idempotencyKey: "k-1" });
    const reused = await owner.withLanguage("fa").post(`/api/customers/${other.body.id}/messages`, { channel: "sms", purpose: "transactional", body: "two", idempotencyKey: "k-1" });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe("idempotency_key_reused");
    expect((await owner.get(`/api/customers/${other.body.id}/messages`)).body.items).toEqual([]);
  });

  it("records a provider failure as a failed message, not a server error", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    await useKavenegar(owner);
    interceptFetch(() => Response.json({ return: { status: 418, message: "اعتبار حساب کافی نیست" }, entries: null }, { status: 418 }));
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hello" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: "failed", provider: "kavenegar", providerMessageId: null });
    expect(sent.body.error).toContain("418");
    vi.restoreAllMocks();
    // A gateway that does not answer at all fails the same way.
    interceptFetch(() => Promise.reject(new TypeError("Network connection lost.")));
    const unreachable = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hello again" });
    expect(unreachable.status).toBe(201);
    expect(unreachable.body).toMatchObject({ status: "failed" });
    // One text for every network failure (outbound/safe-fetch.ts), so it cannot tell a closed port from an open one.
    expect(unreachable.body.error).toBe(noAnswer(OUTBOUND_TIMEOUT_MS));
  });

  it("answers 404 for another workspace's customer and for an erased one, and writes nothing", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted" });
    const other = await signUp();
    const { calls } = interceptFetch(() => kavenegarAccepted());
    const before = await databaseFingerprint();
    const foreign = await other.owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Not my customer" });
    expect(foreign.status).toBe(404);
    expect((await other.owner.get(`/api/customers/${customerId}/messages`)).status).toBe(404);
    await expect(sendMessage(env, openWorkspace(env, other.workspaceId), { customerId, channel: "sms", purpose: "transactional", body: "x", idempotencyKey: "k" })).rejects.toMatchObject({ status: 404 });
    expect(await databaseFingerprint()).toEqual(before);

    expect((await owner.delete(`/api/customers/${customerId}`)).status).toBe(204);
    const erased = await owner.withLanguage("fa").post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Too late" });
    expect(erased.status).toBe(404);
    expect(erased.body.detail).toBe("پیدا نشد.");
    expect(calls).toEqual([]);
  });

  it("refuses bad input with every field named, in Persian, and writes nothing", async () => {
    const { owner, customerId } = await customerWith({ sms: "granted", email: "granted" });
    const before = await databaseFingerprint();
    const cases: Array<[unknown, string[]]> = [
      [{ channel: "fax", purpose: "transactional", body: "x" }, ["body.channel"]],
      [{ channel: "sms", purpose: "transactional", body: "" }, ["body.body"]],
      // Every send says what it is for: leaving it out must not let marketing pass as transactional.
      [{ channel: "sms", body: "Spring sale", idempotencyKey: "no-purpose" }, ["body.purpose"]],
      [{ channel: "sms", purpose: "marketing" }, ["body.body"]],
      [{ channel: "email", purpose: "transactional", body: "No subject" }, ["body.subject"]],
      [{ channel: "sms", purpose: "transactional", body: "x", idempotencyKey: "has spaces" }, ["body.idempotencyKey"]],
      [{ channel: "sms", purpose: "transactional", body: "x", to: "09120000000" }, ["body"]],
    ];
    for (const [body, paths] of cases) {
      const response = await owner.withLanguage("fa").post(`/api/customers/${customerId}/messages`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.body.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toEqual(paths);
    }
    const noSubject = await owner.withLanguage("fa").post(`/api/customers/${customerId}/messages`, { channel: "email", purpose: "transactional", body: "x" });
    expect(noSubject.body.errors[0].message).toBe("ایمیل به موضوع نیاز دارد.");
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("lets an agent send, not a viewer, and lists messages newest first page by page", async () => {
    const { customerId, workspaceId } = await customerWith({ sms: "granted" });
    const agent = await addMember(workspaceId, "agent");
    const viewer = await addMember(workspaceId, "viewer");
    expect((await viewer.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "x" })).status).toBe(403);
    for (const text of ["first", "second", "third"]) {
      expect((await agent.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: text })).status).toBe(201);
    }
    const firstPage = await viewer.get(`/api/customers/${customerId}/messages?limit=2`);
    const secondPage = await viewer.get(`/api/customers/${customerId}/messages?limit=2&cursor=${firstPage.body.nextCursor}`);
    expect([...firstPage.body.items, ...secondPage.body.items].map((m: { body: string }) => m.body)).toEqual(["third", "second", "first"]);
    expect(secondPage.body.nextCursor).toBeNull();
    expect(firstPage.body.items[0].sentBy).toEqual({ userId: agent.identity.userId, plugin: null });
    expect(MOBILE).not.toBe(firstPage.body.items[0].to);
  });
});
