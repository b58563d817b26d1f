import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, anonymous, ApiClient, signUp } from "../../../test/support/client";
import { sha256Hex } from "../auth/tokens";

const bearer = (key: string) => new ApiClient({ authorization: `Bearer ${key}` });
const count = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

async function createKey(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post("/api/api-keys", body);
  if (response.status !== 201) throw new Error(`key not created: ${response.status} ${response.text}`);
  return response.body as { id: string; key: string; prefix: string; scopes: string[] };
}

describe("API keys", () => {
  it("shows a new key once and keeps only its hash and prefix", async () => {
    const { owner, workspaceId } = await signUp();
    const created = await owner.post("/api/api-keys", { name: "Shop sync", scopes: ["users:manage", "audit:read", "users:manage"] });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^crm_[A-Za-z0-9_-]{43}$/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    expect(created.body.scopes).toEqual(["audit:read", "users:manage"]);

    const stored = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(created.body.id).first<Record<string, unknown>>();
    expect(stored!.key_hash).toBe(await sha256Hex(created.body.key));
    expect(JSON.stringify(stored)).not.toContain(created.body.key);

    const list = await owner.get("/api/api-keys");
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(created.body.key);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, name: "Shop sync", prefix: created.body.prefix, lastUsedAt: null, revokedAt: null }),
    ]);
    expect(list.body.items[0]).not.toHaveProperty("key");

    const audit = await env.DB.prepare("SELECT * FROM audit_log WHERE workspace_id = ? AND action = 'api_key.created'")
      .bind(workspaceId)
      .first<Record<string, string>>();
    expect(audit!.entity_id).toBe(created.body.id);
    expect(audit!.details).not.toContain(created.body.key);
  });

  it("acts with its scopes only, as its creator", async () => {
    const { owner, me } = await signUp();
    const { key } = await createKey(owner, { name: "Staff list", scopes: ["users:manage"] });
    const asKey = bearer(key);
    const who = await asKey.get("/api/auth/me");
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ via: "api_key", permissions: ["users:manage"], user: { id: me.user.id } });
    expect((await asKey.get("/api/users")).status).toBe(200);
    // The owner holds these, the key does not.
    expect((await asKey.get("/api/audit")).status).toBe(403);
    expect((await asKey.get("/api/api-keys")).status).toBe(403);
  });

  it("records when a key was last used", async () => {
    const { owner } = await signUp();
    const { id, key } = await createKey(owner, { name: "Reporting", scopes: ["audit:read"] });
    const before = Date.now();
    expect((await bearer(key).get("/api/audit")).status).toBe(200);
    // The touch is written after the response (waitUntil); give it a moment.
    let lastUsed: number | null = null;
    for (let i = 0; i < 50 && lastUsed === null; i++) {
      lastUsed = (await env.DB.prepare("SELECT last_used_at FROM api_keys WHERE id = ?").bind(id).first<{ last_used_at: number | null }>())!.last_used_at;
      if (lastUsed === null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(lastUsed).toBeGreaterThanOrEqual(before);
    const listed = (await owner.get("/api/api-keys")).body.items[0];
    expect(Date.parse(listed.lastUsedAt)).toBe(lastUsed);
  });

  it("refuses a revoked key at once, and an unknown or malformed one", async () => {
    const { owner, workspaceId } = await signUp();
    const { id, key } = await createKey(owner, { name: "Old plugin", scopes: ["audit:read"] });
    expect((await bearer(key).get("/api/audit")).status).toBe(200);
    expect((await owner.delete(`/api/api-keys/${id}`)).status).toBe(204);
    const refused = await bearer(key).get("/api/audit");
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe("unauthenticated");
    expect((await bearer(`crm_${"x".repeat(43)}`).get("/api/auth/me")).status).toBe(401);
    expect((await anonymous().get("/api/auth/me", { authorization: "Basic abc" })).status).toBe(401);

    const listed = (await owner.get("/api/api-keys")).body.items[0];
    expect(listed.revokedAt).not.toBeNull();
    const revocations = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE workspace_id = ? AND action = 'api_key.revoked' AND entity_id = ?")
      .bind(workspaceId, id)
      .first<{ n: number }>();
    expect(revocations!.n).toBe(1);
    // Revoking again changes nothing and records nothing.
    expect((await owner.delete(`/api/api-keys/${id}`)).status).toBe(204);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'api_key.revoked' AND entity_id = ?").bind(id).first<{ n: number }>())!.n).toBe(1);
  });

  it("refuses a key past its expiry", async () => {
    const { owner } = await signUp();
    const soon = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const { id, key } = await createKey(owner, { name: "Trial", scopes: ["audit:read"], expiresAt: soon });
    expect((await bearer(key).get("/api/audit")).status).toBe(200);
    await env.DB.prepare("UPDATE api_keys SET expires_at = ? WHERE id = ?").bind(Date.now() - 1000, id).run();
    expect((await bearer(key).get("/api/audit")).status).toBe(401);
  });

  it("refuses unknown scopes, scopes the creator lacks and a past expiry, writing nothing", async () => {
    const { owner, workspaceId } = await signUp();
    const keysBefore = await count("api_keys");
    const auditBefore = await count("audit_log");

    const unknown = await owner.post("/api/api-keys", { name: "X", scopes: ["audit:read", "customers:fly"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "body.scopes.1", code: "unknown_permission" })]);

    const empty = await owner.post("/api/api-keys", { name: "X", scopes: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe("body.scopes");

    const past = await owner.post("/api/api-keys", { name: "X", scopes: ["audit:read"], expiresAt: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: "body.expiresAt", code: "expiry_in_past" })]);

    // An integrator may manage keys but not read the audit log, so cannot mint a key that does.
    await owner.post("/api/roles", { key: "integrator", name: "Integrator", permissions: ["api_keys:manage", "customers:read"] });
    const integrator = await addMember(workspaceId, "integrator");
    const keysMid = await count("api_keys");
    const auditMid = await count("audit_log");
    const notHeld = await integrator.withLanguage("fa").post("/api/api-keys", { name: "X", scopes: ["customers:read", "audit:read"] });
    expect(notHeld.status).toBe(400);
    expect(notHeld.body.errors).toEqual([{ path: "body.scopes.1", code: "permission_not_held", message: "نمی‌توانید مجوزی را بدهید که خودتان ندارید." }]);

    expect(await count("api_keys")).toBe(keysMid);
    expect(await count("audit_log")).toBe(auditMid);
    expect(keysMid).toBe(keysBefore);
    expect(auditMid).toBe(auditBefore + 1); // only the role's creation
  });

  it("lets a key manage keys but never widen itself", async () => {
    const { owner } = await signUp();
    const { key } = await createKey(owner, { name: "Provisioner", scopes: ["api_keys:manage", "customers:read"] });
    const narrower = await bearer(key).post("/api/api-keys", { name: "Reader", scopes: ["customers:read"] });
    expect(narrower.status).toBe(201);
    const wider = await bearer(key).post("/api/api-keys", { name: "Auditor", scopes: ["audit:read"] });
    expect(wider.status).toBe(400);
    expect(wider.body.errors[0]).toMatchObject({ path: "body.scopes.0", code: "permission_not_held" });
  });

  it("is managed only with api_keys:manage", async () => {
    const { workspaceId } = await signUp();
    const manager = await addMember(workspaceId, "manager");
    expect((await manager.get("/api/api-keys")).status).toBe(403);
    expect((await manager.post("/api/api-keys", { name: "X", scopes: ["customers:read"] })).status).toBe(403);
    expect((await anonymous().get("/api/api-keys")).status).toBe(401);
  });

  it("lets only an owner revoke an owner's key, and nobody revoke the key of someone above them", async () => {
    const { owner, workspaceId } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const ownersKey = await createKey(owner, { name: "Till", scopes: ["audit:read"] });
    const auditBefore = await count("audit_log");
    const refused = await admin.withLanguage("fa").delete(`/api/api-keys/${ownersKey.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("owner_only");
    expect((await bearer(ownersKey.key).get("/api/audit")).status).toBe(200);
    expect(await count("audit_log")).toBe(auditBefore);

    await owner.post("/api/roles", { key: "integrator", name: "Integrator", permissions: ["api_keys:manage", "audit:read"] });
    const integrator = await addMember(workspaceId, "integrator");
    const adminsKey = await createKey(admin, { name: "Sync", scopes: ["audit:read"] });
    expect((await integrator.delete(`/api/api-keys/${adminsKey.id}`)).status).toBe(403);
    expect((await bearer(adminsKey.key).get("/api/audit")).status).toBe(200);

    // Their own keys, and the keys of those they could manage, they revoke as before.
    const integratorsKey = await createKey(integrator, { name: "Mine", scopes: ["audit:read"] });
    expect((await integrator.delete(`/api/api-keys/${integratorsKey.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/api-keys/${adminsKey.id}`)).status).toBe(204);
    expect((await owner.delete(`/api/api-keys/${ownersKey.id}`)).status).toBe(204);
    expect((await bearer(ownersKey.key).get("/api/audit")).status).toBe(401);
  });

  it("pages the list newest first", async () => {
    const { owner } = await signUp();
    const ids: string[] = [];
    for (const name of ["one", "two", "three"]) ids.push((await createKey(owner, { name, scopes: ["audit:read"] })).id);
    const first = await owner.get("/api/api-keys?limit=2");
    expect(first.body.items.map((k: { id: string }) => k.id)).toEqual([ids[2], ids[1]]);
    const second = await owner.get(`/api/api-keys?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((k: { id: string }) => k.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    expect((await owner.get("/api/api-keys?cursor=garbage")).body.errors[0]).toMatchObject({ path: "query.cursor", code: "invalid_cursor" });
  });

  it("keeps workspaces apart: another workspace's key is not found, and its keys are not listed", async () => {
    const a = await signUp();
    const b = await signUp();
    const keyOfA = await createKey(a.owner, { name: "A's key", scopes: ["api_keys:manage", "audit:read"] });
    const keyOfB = await createKey(b.owner, { name: "B's key", scopes: ["audit:read"] });
    expect((await b.owner.delete(`/api/api-keys/${keyOfA.id}`)).status).toBe(404);
    expect((await bearer(keyOfA.key).delete(`/api/api-keys/${keyOfB.id}`)).status).toBe(404);
    expect((await bearer(keyOfA.key).get("/api/audit")).status).toBe(200);
    expect((await bearer(keyOfB.key).get("/api/audit")).status).toBe(200);
    const listedByB = (await b.owner.get("/api/api-keys")).body.items.map((k: { id: string }) => k.id);
    expect(listedByB).toEqual([keyOfB.id]);
  });
});
