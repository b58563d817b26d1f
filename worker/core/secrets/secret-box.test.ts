import { createExecutionContext, env } from "cloudflare:test";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../index";
import { ApiClient, signUp, type Fetcher } from "../../../test/support/client";
import { Problem } from "../http/problem";
import { newId } from "../data/ids";
import { createWebhookTargets } from "../webhooks-out/webhook-targets";
import { consoleOutput, customerWith, interceptFetch, kavenegarAccepted } from "../messaging/messaging.test-support";
import { secretBox } from "./secret-box";

afterEach(() => vi.restoreAllMocks());

const OTHER_KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
const THIRD_KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(9)));
const withKeys = (keys: { ENCRYPTION_KEY?: string; ENCRYPTION_KEY_PREVIOUS?: string }) => ({ ...env, ENCRYPTION_KEY: undefined, ...keys }) as unknown as Env;
const currentKey = (env as unknown as { ENCRYPTION_KEY: string }).ENCRYPTION_KEY;

/** The Worker as a deployment with these variables would run it. */
const workerWith = (variables: Env): Fetcher => ({ fetch: async (request) => worker.fetch(request, variables, createExecutionContext()) });

const API_KEY = "4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D";
const column = async <T>(sql: string, ...params: unknown[]) => (await env.DB.prepare(sql).bind(...params).first<Record<string, T>>())!;

describe("the secret box (AES-256-GCM under ENCRYPTION_KEY)", () => {
  it("seals to a versioned value that is not the plaintext, with a fresh IV each time, and opens it again", async () => {
    const box = await secretBox(env);
    const sealed = await box.seal("whsec_plain-secret");
    expect(sealed).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+/]+={0,2}$/);
    expect(sealed).not.toContain("plain-secret");
    expect(await box.seal("whsec_plain-secret")).not.toBe(sealed);
    expect(await box.open(sealed)).toBe("whsec_plain-secret");
    expect(box.isCurrent(sealed)).toBe(true);
  });

  it("refuses to open a value under another key, or one that was altered", async () => {
    const sealed = await (await secretBox(env)).seal("secret");
    const stranger = await secretBox(withKeys({ ENCRYPTION_KEY: OTHER_KEY }));
    await expect(stranger.open(sealed)).rejects.toMatchObject({ status: 500, code: "secret_unreadable" });
    const box = await secretBox(env);
    const [head, body] = [sealed.slice(0, 12), sealed.slice(12)];
    const altered = head + (body[0] === "A" ? "B" : "A") + body.slice(1);
    await expect(box.open(altered)).rejects.toMatchObject({ code: "secret_unreadable" });
  });

  it("opens a value sealed under ENCRYPTION_KEY_PREVIOUS and seals it again under the new key", async () => {
    const old = await (await secretBox(env)).seal("rotate me");
    const rotated = await secretBox(withKeys({ ENCRYPTION_KEY: OTHER_KEY, ENCRYPTION_KEY_PREVIOUS: currentKey }));
    expect(await rotated.open(old)).toBe("rotate me");
    expect(rotated.isCurrent(old)).toBe(false);
    const resealed = await rotated.reseal(old);
    expect(rotated.isCurrent(resealed)).toBe(true);
    // Once the previous key is gone, only the resealed value opens.
    const later = await secretBox(withKeys({ ENCRYPTION_KEY: OTHER_KEY }));
    expect(await later.open(resealed)).toBe("rotate me");
    await expect(later.open(old)).rejects.toBeInstanceOf(Problem);
  });

  it("reads a plaintext value stored before encryption as it is", async () => {
    const box = await secretBox(env);
    expect(await box.open("whsec_legacy")).toBe("whsec_legacy");
    expect(box.isCurrent("whsec_legacy")).toBe(false);
  });

  it("fails clearly without a usable key, naming the variable in the log", async () => {
    for (const [variables, said] of [
      [withKeys({}), "ENCRYPTION_KEY is not set"],
      [withKeys({ ENCRYPTION_KEY: "c2hvcnQ=" }), "ENCRYPTION_KEY is 5 bytes, not 32"],
      [withKeys({ ENCRYPTION_KEY: currentKey, ENCRYPTION_KEY_PREVIOUS: "not base64!" }), "ENCRYPTION_KEY_PREVIOUS is not base64"],
    ] as const) {
      const logs = await consoleOutput(async () => {
        expect(() => secretBox(variables)).toThrow(expect.objectContaining({ status: 500, code: "encryption_key_missing" }));
      });
      expect(logs).toContain(said);
    }
  });
});

describe("secrets at rest", () => {
  it("stores a webhook's signing secret sealed, and signs deliveries with the plaintext", async () => {
    const { owner, workspaceId } = await signUp();
    const created = await owner.post("/api/webhooks", { url: "https://hooks.example.com/crm", events: ["customer.created"] });
    const stored = (await column<string>("select secret from webhook_subscriptions where id = ?", created.body.id)).secret!;
    expect(stored).not.toBe(created.body.secret);
    expect(stored).not.toContain(created.body.secret.slice(6));
    expect(await (await secretBox(env)).open(stored)).toBe(created.body.secret);

    const { calls } = interceptFetch(() => new Response(null, { status: 200 }));
    const event = { id: newId("evt"), workspaceId, name: "customer.created", payload: { customerId: "cus_1", cid: null, code: "C-1" }, actorUserId: null, createdAt: Date.now() };
    const [target] = await createWebhookTargets()(env, event);
    expect(await target!.deliver(event)).toEqual({ status: "delivered" });
    expect(new Webhook(created.body.secret).verify(calls[0]!.body, Object.fromEntries(calls[0]!.headers))).toMatchObject({ type: "customer.created" });
  });

  it("stores a shop connection's secret sealed, and still verifies the shop's signature", async () => {
    const { owner } = await signUp();
    const secret = "woo-shop-secret-1234567890";
    const created = await owner.post("/api/connections", { platform: "woocommerce", name: "Shop", secret });
    expect(created.status).toBe(201);
    const stored = (await column<string>("select secret from shop_connections where id = ?", created.body.id)).secret!;
    expect(stored).not.toContain(secret);
    expect(await (await secretBox(env)).open(stored)).toBe(secret);
    const rotated = await owner.post(`/api/connections/${created.body.id}/rotate-secret`, { secret: "woo-shop-secret-rotated-000" });
    expect(rotated.status).toBe(200);
    const after = (await column<string>("select secret from shop_connections where id = ?", created.body.id)).secret!;
    expect(after).not.toContain("rotated");
    expect(await (await secretBox(env)).open(after)).toBe("woo-shop-secret-rotated-000");
  });

  it("stores provider keys sealed, shows only the hint, and sends with the plaintext", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const put = await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY, sender: "10004346" });
    expect(put.body.apiKey).toEqual({ set: true, hint: "…9C0D" });
    const row = await column<string>("select secrets, config from messaging_providers where workspace_id = ? and channel = 'sms'", workspaceId);
    expect(row.secrets).not.toContain(API_KEY);
    expect(await (await secretBox(env)).open(JSON.parse(row.secrets!).apiKey)).toBe(API_KEY);
    // An edit that leaves the key out keeps it, and its hint.
    const edited = await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", sender: "30005006" });
    expect(edited.body.apiKey).toEqual({ set: true, hint: "…9C0D" });

    const { calls } = interceptFetch(() => kavenegarAccepted(7));
    expect((await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "hi" })).body.status).toBe("sent");
    expect(calls[0]!.url).toContain(`/v1/${API_KEY}/sms/send.json`);
  });

  it("keeps plaintext rows from before encryption working, and seals them on their next use", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const hook = await owner.post("/api/webhooks", { url: "https://hooks.example.com/crm", events: ["customer.created"] });
    await env.DB.prepare("update webhook_subscriptions set secret = ? where id = ?").bind(hook.body.secret, hook.body.id).run();
    await env.DB.prepare("insert into messaging_providers (workspace_id, channel, kind, config, secrets, updated_at) values (?, 'sms', 'kavenegar', '{}', ?, 1)")
      .bind(workspaceId, JSON.stringify({ apiKey: API_KEY }))
      .run();

    expect((await owner.get("/api/messaging/providers")).body.sms.apiKey).toEqual({ set: true, hint: "…9C0D" });
    const { calls } = interceptFetch((request) => (request.url.includes("kavenegar") ? kavenegarAccepted(1) : new Response(null, { status: 200 })));
    expect((await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "hi" })).body.status).toBe("sent");
    expect(calls[0]!.url).toContain(`/v1/${API_KEY}/`);
    const event = { id: newId("evt"), workspaceId, name: "customer.created", payload: { customerId, cid: null, code: "C-1" }, actorUserId: null, createdAt: Date.now() };
    const [target] = await createWebhookTargets()(env, event);
    await target!.deliver(event);
    expect(new Webhook(hook.body.secret).verify(calls[1]!.body, Object.fromEntries(calls[1]!.headers))).toMatchObject({ type: "customer.created" });

    const box = await secretBox(env);
    const secret = (await column<string>("select secret from webhook_subscriptions where id = ?", hook.body.id)).secret!;
    const secrets = JSON.parse((await column<string>("select secrets from messaging_providers where workspace_id = ? and channel = 'sms'", workspaceId)).secrets!);
    expect(box.isCurrent(secret)).toBe(true);
    expect(await box.open(secret)).toBe(hook.body.secret);
    expect(box.isCurrent(secrets.apiKey)).toBe(true);
    expect(await box.open(secrets.apiKey)).toBe(API_KEY);
  });

  it("moves a shop secret sealed under the previous key to the new key when a delivery uses it", async () => {
    const { owner } = await signUp();
    const secret = "woo-shop-secret-1234567890";
    const created = await owner.post("/api/connections", { platform: "woocommerce", name: "Shop", secret });
    const rotatedWorker = workerWith(withKeys({ ENCRYPTION_KEY: THIRD_KEY, ENCRYPTION_KEY_PREVIOUS: currentKey }));
    const body = JSON.stringify({ id: 1 });
    const signature = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign("HMAC", await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), new TextEncoder().encode(body)))));
    const response = await rotatedWorker.fetch(
      new Request(`https://crm.test/webhooks/woocommerce/${created.body.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-wc-webhook-signature": signature, "x-wc-webhook-topic": "order.created", "x-wc-webhook-delivery-id": "d-1" },
        body,
      }),
    );
    expect(response.status).toBe(202);
    const stored = (await column<string>("select secret from shop_connections where id = ?", created.body.id)).secret!;
    const newBox = await secretBox(withKeys({ ENCRYPTION_KEY: THIRD_KEY }));
    expect(newBox.isCurrent(stored)).toBe(true);
    expect(await newBox.open(stored)).toBe(secret);
  });

  it("refuses to store a secret without ENCRYPTION_KEY: 500 problem+json, nothing written", async () => {
    const { owner } = await signUp();
    const keyless = new ApiClient(owner.headers, owner.identity, workerWith(withKeys({})));
    const count = async () => (await column<number>("select count(*) as n from webhook_subscriptions where workspace_id = ?", owner.identity.workspaceId)).n;
    const logs = await consoleOutput(async () => {
      const created = await keyless.post("/api/webhooks", { url: "https://hooks.example.com/crm", events: ["*"] });
      expect(created.status).toBe(500);
      expect(created.headers.get("content-type")).toContain("application/problem+json");
      expect(created.body.code).toBe("encryption_key_missing");
    });
    expect(logs).toContain("ENCRYPTION_KEY is not set");
    expect(await count()).toBe(0);
    // What needs no secret keeps working.
    expect((await keyless.get("/api/customers")).status).toBe(200);
  });
});
