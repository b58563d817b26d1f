import { env } from "cloudflare:test";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signUp, type ApiClient } from "../../../test/support/client";
import { newId } from "../data/ids";
import { openWorkspace } from "../data/database";
import type { StoredEvent } from "../events/stored-event";
import { noAnswer } from "../outbound/safe-fetch";
import { createWebhookTargets, webhookTargets } from "./webhook-targets";
import { subscriptionsFor } from "./webhooks-out.repository";

interface Received {
  url: string;
  method: string;
  redirect: string | undefined;
  headers: Record<string, string>;
  body: string;
}

/** Replaces the network: records each request and answers with `respond`'s response. */
function receiver(respond: (request: Received, signal: AbortSignal | undefined) => Response | Promise<Response>) {
  const received: Received[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request: Received = {
      url: String(input),
      method: init?.method ?? "GET",
      redirect: init?.redirect,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: String(init?.body),
    };
    received.push(request);
    return respond(request, init?.signal ?? undefined);
  });
  return received;
}

afterEach(() => {
  vi.restoreAllMocks();
});

function event(workspaceId: string, name = "customer.created", payload: Record<string, unknown> = { customerId: "cus_1", cid: "09121234567", code: "C-00001" }): StoredEvent {
  return { id: newId("evt"), workspaceId, name, payload, actorUserId: null, createdAt: Date.parse("2026-04-01T08:30:00Z") };
}

async function subscribe(owner: ApiClient, events: string[] = ["customer.created"], url = "https://hooks.example.com/crm") {
  const created = await owner.post("/api/webhooks", { url, events });
  if (created.status !== 201) throw new Error(`not subscribed: ${created.text}`);
  return created.body as { id: string; secret: string };
}

async function deliverOnly(e: StoredEvent, source = webhookTargets) {
  const targets = await source(env, e);
  expect(targets).toHaveLength(1);
  return targets[0]!.deliver(e);
}

const subscription = async (owner: ApiClient, id: string) => (await owner.get("/api/webhooks")).body.items.find((s: { id: string }) => s.id === id);
const deliveries = async (owner: ApiClient, id: string) => (await owner.get(`/api/webhooks/${id}/deliveries`)).body.items;

describe("delivering events to webhook subscriptions", () => {
  it("POSTs a Standard Webhooks request that the standardwebhooks library verifies", async () => {
    const { owner, workspaceId } = await signUp();
    const hook = await subscribe(owner);
    const received = receiver(() => new Response("ok", { status: 200 }));
    const e = event(workspaceId);

    const targets = await webhookTargets(env, e);
    expect(targets.map((t) => t.key)).toEqual([`webhook:${hook.id}`]);
    expect(await targets[0]!.deliver(e)).toEqual({ status: "delivered" });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ url: "https://hooks.example.com/crm", method: "POST", redirect: "manual" });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["webhook-id"]).toBe(e.id);
    expect(Number(request!.headers["webhook-timestamp"])).toBeCloseTo(Date.now() / 1000, -1);
    expect(new Webhook(hook.secret).verify(request!.body, request!.headers)).toEqual({
      type: "customer.created",
      timestamp: "2026-04-01T08:30:00.000Z",
      data: e.payload,
    });
    // A tampered body does not verify.
    expect(() => new Webhook(hook.secret).verify(request!.body.replace("C-00001", "C-00002"), request!.headers)).toThrow(WebhookVerificationError);

    expect(await deliveries(owner, hook.id)).toEqual([expect.objectContaining({ eventId: e.id, eventName: "customer.created", attempt: 1, statusCode: 200, error: null })]);
    expect(await subscription(owner, hook.id)).toMatchObject({ enabled: true, lastStatus: 200, failureCount: 0 });
  });

  it("keeps the webhook-id across retries and signs retries with the rotated secret", async () => {
    const { owner, workspaceId } = await signUp();
    const hook = await subscribe(owner);
    const statuses = [503, 200];
    const received = receiver(() => new Response(null, { status: statuses.shift()! }));
    const e = event(workspaceId);
    await expect(deliverOnly(e)).rejects.toThrow(/HTTP 503/);
    const rotated = (await owner.post(`/api/webhooks/${hook.id}/rotate-secret`)).body.secret as string;
    expect(await deliverOnly(e)).toEqual({ status: "delivered" });

    expect(received.map((r) => r.headers["webhook-id"])).toEqual([e.id, e.id]);
    const retry = received[1]!;
    expect(() => new Webhook(hook.secret).verify(retry.body, retry.headers)).toThrow(WebhookVerificationError);
    expect(new Webhook(rotated).verify(retry.body, retry.headers)).toMatchObject({ type: "customer.created" });
    expect((await deliveries(owner, hook.id)).map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([
      [2, 200],
      [1, 503],
    ]);
  });

  it("disables a subscription whose receiver answers 410 and sends it nothing more", async () => {
    const { owner, workspaceId } = await signUp();
    const hook = await subscribe(owner, ["*"]);
    const received = receiver(() => new Response("unsubscribed", { status: 410 }));
    expect(await deliverOnly(event(workspaceId))).toEqual({ status: "gone", detail: "gone (410)" });
    expect(await subscription(owner, hook.id)).toMatchObject({ enabled: false, disabledReason: "gone (410)", lastStatus: 410, failureCount: 1 });
    const audit = await env.DB.prepare("SELECT action, actor_user_id FROM audit_log WHERE entity_id = ? ORDER BY id").bind(hook.id).all();
    expect(audit.results).toEqual([
      { action: "webhook.created", actor_user_id: expect.any(String) },
      { action: "webhook.disabled", actor_user_id: null },
    ]);

    expect(await webhookTargets(env, event(workspaceId, "task.created", { taskId: "tsk_1" }))).toEqual([]);
    expect(received).toHaveLength(1);

    // Re-enabled by an admin, it is sent to again.
    expect((await owner.patch(`/api/webhooks/${hook.id}`, { enabled: true })).body).toMatchObject({ enabled: true, disabledReason: null, failureCount: 0 });
    expect(await webhookTargets(env, event(workspaceId))).toHaveLength(1);
  });

  it("throws on a 500 or a timeout, so the runtime retries, and records every attempt", async () => {
    const { owner, workspaceId } = await signUp();
    const hook = await subscribe(owner);
    const e = event(workspaceId);
    receiver(() => new Response("boom", { status: 500 }));
    await expect(deliverOnly(e)).rejects.toThrow(`webhook ${hook.id}: HTTP 500`);

    vi.restoreAllMocks();
    // A receiver that never answers: only the time limit ends the request.
    receiver((_, signal) => new Promise((_resolve, reject) => signal!.addEventListener("abort", () => reject(signal!.reason))));
    await expect(deliverOnly(e, createWebhookTargets({ timeoutMs: 50 }))).rejects.toThrow(noAnswer(50));

    const attempts = await deliveries(owner, hook.id);
    expect(attempts).toEqual([
      expect.objectContaining({ attempt: 2, statusCode: null, error: noAnswer(50) }),
      expect.objectContaining({ attempt: 1, statusCode: 500, error: "HTTP 500" }),
    ]);
    expect(attempts[0].durationMs).toBeGreaterThanOrEqual(40);
    expect(await subscription(owner, hook.id)).toMatchObject({ enabled: true, lastStatus: null, lastError: noAnswer(50), failureCount: 2 });
  });

  it("records a refused connection with the same text as a receiver that never answers", async () => {
    const { owner, workspaceId } = await signUp();
    const hook = await subscribe(owner);
    receiver(() => Promise.reject(new TypeError("Network connection lost: connect ECONNREFUSED 93.184.215.14:443")));
    await expect(deliverOnly(event(workspaceId), createWebhookTargets({ timeoutMs: 50 }))).rejects.toThrow(noAnswer(50));
    expect(await deliveries(owner, hook.id)).toEqual([expect.objectContaining({ statusCode: null, error: noAnswer(50) })]);
  });

  it("does not follow a redirect: a 3xx is a failure", async () => {
    const { owner, workspaceId } = await signUp();
    const hook = await subscribe(owner);
    const received = receiver(() => new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data" } }));
    await expect(deliverOnly(event(workspaceId))).rejects.toThrow(/redirect \(302\) not followed/);
    expect(received).toHaveLength(1);
    expect(received[0]!.redirect).toBe("manual");
    expect(await deliveries(owner, hook.id)).toEqual([expect.objectContaining({ statusCode: 302, error: "redirect (302) not followed" })]);
  });

  it("refuses a private address again at delivery time, without sending", async () => {
    const { owner, workspaceId } = await signUp();
    const hook = await subscribe(owner);
    // As if saved before the rule existed, or by a bug elsewhere.
    await env.DB.prepare("UPDATE webhook_subscriptions SET url = 'https://[::ffff:169.254.169.254]/' WHERE id = ?").bind(hook.id).run();
    const received = receiver(() => new Response(null, { status: 200 }));
    await expect(deliverOnly(event(workspaceId))).rejects.toThrow(/address refused \(url_not_public\)/);
    expect(received).toEqual([]);
    expect(await deliveries(owner, hook.id)).toEqual([expect.objectContaining({ attempt: 1, statusCode: null, error: "address refused (url_not_public)" })]);
  });

  it("targets only enabled subscriptions of the event's workspace that want the event", async () => {
    const { owner, workspaceId } = await signUp();
    const other = await signUp();
    const created = await subscribe(owner, ["customer.created"], "https://a.example.com/");
    const everything = await subscribe(owner, ["*"], "https://b.example.com/");
    await subscribe(owner, ["task.created", "customer.updated"], "https://c.example.com/");
    const disabled = await subscribe(owner, ["customer.created"], "https://d.example.com/");
    await owner.patch(`/api/webhooks/${disabled.id}`, { enabled: false });
    await subscribe(other.owner, ["*"], "https://other.example.com/");

    const keys = async (name: string) => (await webhookTargets(env, event(workspaceId, name))).map((t) => t.key).sort();
    expect(await keys("customer.created")).toEqual([`webhook:${created.id}`, `webhook:${everything.id}`].sort());
    expect(await keys("order.paid")).toEqual([`webhook:${everything.id}`]);
    expect(await keys("customer")).toEqual([`webhook:${everything.id}`]);
  });

  it("sends nothing to a subscription removed or disabled after the event was targeted", async () => {
    const { owner, workspaceId } = await signUp();
    const removed = await subscribe(owner, ["*"], "https://a.example.com/");
    const paused = await subscribe(owner, ["*"], "https://b.example.com/");
    const received = receiver(() => new Response(null, { status: 200 }));
    const e = event(workspaceId);
    const targets = await webhookTargets(env, e);
    await owner.delete(`/api/webhooks/${removed.id}`);
    await owner.patch(`/api/webhooks/${paused.id}`, { enabled: false });
    const outcomes = await Promise.all(targets.map((t) => t.deliver(e)));
    expect(outcomes.map((o) => o.status)).toEqual(["gone", "gone"]);
    expect(received).toEqual([]);
  });

  it("finds the subscriptions of an event through the workspace index", async () => {
    const { sql, params } = subscriptionsFor(openWorkspace(env, "ws_plan"), "customer.created").toSQL();
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    expect(plan.results.map((row) => row.detail).join(" | ")).toContain("webhook_subscriptions_workspace_idx");
  });
});
