import { env } from "cloudflare:test";
import { secretBox } from "../secrets/secret-box";
import { describe, expect, it } from "vitest";
import { addMember, anonymous, ApiClient, signUp } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";
import { newId } from "../data/ids";

const HOOK = { url: "https://hooks.example.com/crm", events: ["customer.created", "task.created"], description: "Shop sync" };

async function auditRows(workspaceId: string) {
  const rows = await env.DB.prepare("SELECT action, entity_id, details FROM audit_log WHERE workspace_id = ? ORDER BY id").bind(workspaceId).all<{
    action: string;
    entity_id: string;
    details: string | null;
  }>();
  return rows.results;
}

describe("webhook subscriptions", () => {
  it("shows the signing secret once, on creation, and lists the subscription without it", async () => {
    const { owner } = await signUp();
    const created = await owner.post("/api/webhooks", HOOK);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...HOOK, enabled: true, disabledReason: null, lastStatus: null, lastAttemptAt: null, failureCount: 0 });
    expect(created.body.id).toMatch(/^whk_/);
    // Standard Webhooks: whsec_ + base64 of 32 random bytes.
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(created.body.secret.slice(6))).toHaveLength(32);

    const list = await owner.get("/api/webhooks");
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, url: HOOK.url, events: HOOK.events, enabled: true })]);
    expect(list.body.items[0]).not.toHaveProperty("secret");
    expect(list.text).not.toContain(created.body.secret.slice(6));

    const patched = await owner.patch(`/api/webhooks/${created.body.id}`, { description: "Renamed" });
    expect(patched.body).not.toHaveProperty("secret");
    expect(patched.text).not.toContain(created.body.secret.slice(6));
  });

  it("changes URL, events and description, disables and re-enables, and audits each change", async () => {
    const { owner, workspaceId } = await signUp();
    const { id } = (await owner.post("/api/webhooks", HOOK)).body;
    const changed = await owner.patch(`/api/webhooks/${id}`, { url: "https://HOOKS.example.com/v2", events: ["*", "*"], description: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ url: "https://hooks.example.com/v2", events: ["*"], description: null, enabled: true });
    const disabled = await owner.patch(`/api/webhooks/${id}`, { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false, disabledReason: "disabled by a user" });
    const enabled = await owner.patch(`/api/webhooks/${id}`, { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null });

    const audit = await auditRows(workspaceId);
    expect(audit.map((row) => row.action)).toEqual(["webhook.created", "webhook.updated", "webhook.updated", "webhook.updated"]);
    expect(JSON.parse(audit[1]!.details!)).toEqual({
      changed: ["url", "events", "description"],
      before: { url: HOOK.url, events: HOOK.events, description: "Shop sync" },
      after: { url: "https://hooks.example.com/v2", events: ["*"], description: null },
    });
  });

  it("rotates the secret, shows the new one once, and never writes a secret to the audit log", async () => {
    const { owner, workspaceId } = await signUp();
    const created = (await owner.post("/api/webhooks", HOOK)).body;
    const rotated = await owner.post(`/api/webhooks/${created.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    const stored = await env.DB.prepare("SELECT secret FROM webhook_subscriptions WHERE id = ?").bind(created.id).first<{ secret: string }>();
    // Kept sealed (secrets/secret-box.ts): what is stored opens to the secret just shown.
    expect(stored!.secret).not.toContain(rotated.body.secret.slice(6));
    expect(await (await secretBox(env)).open(stored!.secret)).toBe(rotated.body.secret);

    expect((await owner.delete(`/api/webhooks/${created.id}`)).status).toBe(204);
    const audit = await auditRows(workspaceId);
    expect(audit.map((row) => row.action)).toEqual(["webhook.created", "webhook.secret_rotated", "webhook.deleted"]);
    expect(audit.every((row) => row.entity_id === created.id)).toBe(true);
    const everything = JSON.stringify(audit);
    for (const secret of [created.secret, rotated.body.secret]) expect(everything).not.toContain(secret.slice(6));
    expect(everything).not.toContain("whsec_");
  });

  it("deletes a subscription with its delivery history", async () => {
    const { owner, workspaceId } = await signUp();
    const { id } = (await owner.post("/api/webhooks", HOOK)).body;
    await env.DB.prepare(
      "INSERT INTO webhook_attempts (id, workspace_id, subscription_id, event_id, event_name, attempt, status_code, duration_ms, created_at) VALUES (?, ?, ?, 'evt_1', 'customer.created', 1, 200, 12, ?)",
    )
      .bind(newId("wha"), workspaceId, id, Date.now())
      .run();
    expect((await owner.delete(`/api/webhooks/${id}`)).status).toBe(204);
    expect((await owner.get("/api/webhooks")).body.items).toEqual([]);
    expect((await owner.get(`/api/webhooks/${id}/deliveries`)).status).toBe(404);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM webhook_attempts WHERE subscription_id = ?").bind(id).first<{ n: number }>())!.n).toBe(0);
    expect((await owner.delete(`/api/webhooks/${id}`)).status).toBe(404);
  });

  it("pages subscriptions and deliveries newest first", async () => {
    const { owner, workspaceId } = await signUp();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await owner.post("/api/webhooks", { url: `https://hooks.example.com/${n}`, events: ["*"] })).body.id);
    const first = await owner.get("/api/webhooks?limit=2");
    expect(first.body.items.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    const second = await owner.get(`/api/webhooks?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });

    const t0 = Date.parse("2026-05-01T10:00:00Z");
    for (const attempt of [1, 2, 3]) {
      await env.DB.prepare(
        "INSERT INTO webhook_attempts (id, workspace_id, subscription_id, event_id, event_name, attempt, status_code, duration_ms, error, created_at) VALUES (?, ?, ?, 'evt_x', 'customer.created', ?, ?, 40, ?, ?)",
      )
        .bind(newId("wha", t0 + attempt * 1000), workspaceId, ids[0], attempt, attempt === 3 ? 200 : 503, attempt === 3 ? null : "HTTP 503", t0 + attempt * 1000)
        .run();
    }
    const page = await owner.get(`/api/webhooks/${ids[0]}/deliveries?limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      { id: expect.any(String), eventId: "evt_x", eventName: "customer.created", attempt: 3, statusCode: 200, durationMs: 40, error: null, at: new Date(t0 + 3000).toISOString() },
      expect.objectContaining({ attempt: 2, statusCode: 503, error: "HTTP 503" }),
    ]);
    const rest = await owner.get(`/api/webhooks/${ids[0]}/deliveries?limit=2&cursor=${page.body.nextCursor}`);
    expect(rest.body.items.map((a: { attempt: number }) => a.attempt)).toEqual([1]);
    expect((await owner.get(`/api/webhooks/${ids[1]}/deliveries`)).body.items).toEqual([]);
    expect((await owner.get("/api/webhooks?cursor=nope")).body.errors[0]).toMatchObject({ path: "query.cursor", code: "invalid_cursor" });
  });

  it("is managed only with webhooks:manage", async () => {
    const { owner, workspaceId } = await signUp();
    const { id } = (await owner.post("/api/webhooks", HOOK)).body;
    for (const role of ["agent", "manager", "viewer"]) {
      const member = await addMember(workspaceId, role);
      expect((await member.get("/api/webhooks")).status, role).toBe(403);
      expect((await member.post("/api/webhooks", HOOK)).status, role).toBe(403);
      expect((await member.post(`/api/webhooks/${id}/rotate-secret`)).body.code, role).toBe("forbidden");
    }
    expect((await (await addMember(workspaceId, "admin")).get("/api/webhooks")).status).toBe(200);
    expect((await anonymous().get("/api/webhooks")).status).toBe(401);
    const key = await owner.post("/api/api-keys", { name: "Hooks", scopes: ["webhooks:manage"] });
    expect((await new ApiClient({ authorization: `Bearer ${key.body.key}` }).get("/api/webhooks")).body.items).toHaveLength(1);
  });

  it("keeps workspaces apart: another workspace's subscription is not found, changed or listed", async () => {
    const a = await signUp();
    const b = await signUp();
    const ofB = (await b.owner.post("/api/webhooks", HOOK)).body;
    const before = await databaseFingerprint();
    expect((await a.owner.patch(`/api/webhooks/${ofB.id}`, { enabled: false })).status).toBe(404);
    expect((await a.owner.post(`/api/webhooks/${ofB.id}/rotate-secret`)).status).toBe(404);
    expect((await a.owner.get(`/api/webhooks/${ofB.id}/deliveries`)).status).toBe(404);
    expect((await a.owner.delete(`/api/webhooks/${ofB.id}`)).status).toBe(404);
    expect((await a.owner.get("/api/webhooks")).body.items).toEqual([]);
    expect(await databaseFingerprint()).toEqual(before);
    expect((await b.owner.get("/api/webhooks")).body.items).toEqual([expect.objectContaining({ id: ofB.id, enabled: true })]);
  });

  it("refuses bad input with 400 problem+json, naming the field, and writes nothing", async () => {
    const { owner } = await signUp();
    const { id } = (await owner.post("/api/webhooks", HOOK)).body;
    const before = await databaseFingerprint();
    const cases: Array<[string, string, unknown, string, string]> = [
      ["POST", "/api/webhooks", { url: HOOK.url, events: [] }, "body.events", "too_small"],
      ["POST", "/api/webhooks", { url: HOOK.url, events: ["Customer Created"] }, "body.events.0", "invalid_event_name"],
      ["POST", "/api/webhooks", { url: HOOK.url, events: ["*"], secret: "whsec_mine" }, "body", "unrecognized_keys"],
      ["POST", "/api/webhooks", { events: ["*"] }, "body.url", "invalid_type"],
      ["PATCH", `/api/webhooks/${id}`, {}, "body", "nothing_to_change"],
      ["PATCH", `/api/webhooks/${id}`, { enabled: "yes" }, "body.enabled", "invalid_type"],
      ["PATCH", `/api/webhooks/${id}`, { events: ["customer."] }, "body.events.0", "invalid_event_name"],
    ];
    for (const [method, path, body, field, code] of cases) {
      const response = await owner.request(method, path, body);
      const where = `${method} ${JSON.stringify(body)}`;
      expect(response.status, where).toBe(400);
      expect(response.headers.get("content-type"), where).toContain("application/problem+json");
      expect(response.body.errors, where).toContainEqual(expect.objectContaining({ path: field, code }));
    }
    expect(await databaseFingerprint()).toEqual(before);
  });
});
