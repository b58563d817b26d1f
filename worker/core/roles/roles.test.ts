import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, anonymous, type ApiClient, signUp } from "../../../test/support/client";
import { CORE_PERMISSIONS } from "../permissions/permissions";
import { pluginPermissions } from "../permissions/plugin-permissions";

const count = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

async function role(client: ApiClient, key: string) {
  return (await client.get("/api/roles")).body.items.find((r: { key: string }) => r.key === key) as { id: string; permissions: string[] };
}

describe("roles", () => {
  it("lists the built-in roles with their permissions, and the catalogue for an editor", async () => {
    const { owner, workspaceId } = await signUp();
    const list = await owner.get("/api/roles");
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { key: string }) => r.key)).toEqual(["owner", "admin", "manager", "agent", "viewer"]);
    expect(list.body.items.find((r: { key: string }) => r.key === "viewer")).toMatchObject({
      name: "Viewer",
      builtin: true,
      permissions: ["customers:read", "tasks:read", "orders:read"],
    });
    expect(list.body.permissions).toEqual([...CORE_PERMISSIONS, ...pluginPermissions()]);
    expect((await (await addMember(workspaceId, "manager")).get("/api/roles")).status).toBe(403);
    expect((await anonymous().get("/api/roles")).status).toBe(401);
  });

  it("creates a custom role that members can hold, and audits it", async () => {
    const { owner, workspaceId } = await signUp();
    const created = await owner.post("/api/roles", {
      key: "auditor",
      name: "Auditor",
      permissions: ["audit:read", "customers:read", "audit:read"],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: "auditor", name: "Auditor", builtin: false, permissions: ["audit:read", "customers:read"] });
    const auditor = await addMember(workspaceId, "auditor");
    expect((await auditor.get("/api/audit")).status).toBe(200);
    expect((await auditor.get("/api/users")).status).toBe(403);
    const entry = await env.DB.prepare("SELECT details FROM audit_log WHERE action = 'role.created' AND entity_id = ?").bind(created.body.id).first<{ details: string }>();
    expect(JSON.parse(entry!.details)).toMatchObject({ key: "auditor", permissions: ["audit:read", "customers:read"] });
  });

  it("refuses unknown permissions, bad keys and taken keys, writing nothing", async () => {
    const { owner } = await signUp();
    const before = { roles: await count("roles"), audit: await count("audit_log") };
    const unknown = await owner.post("/api/roles", { key: "x-role", name: "X", permissions: ["customers:read", "customers:teleport"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "body.permissions.1", code: "unknown_permission" })]);
    const badKey = await owner.withLanguage("fa").post("/api/roles", { key: "Bad Key!", name: "X", permissions: [] });
    expect(badKey.body.errors[0]).toMatchObject({ path: "body.key", code: "invalid_role_key" });
    expect(badKey.body.errors[0].message).toContain("حرف");
    const taken = await owner.post("/api/roles", { key: "admin", name: "Second admin", permissions: [] });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ path: "body.key", code: "role_key_taken" });
    expect({ roles: await count("roles"), audit: await count("audit_log") }).toEqual(before);
  });

  it("changes a built-in role's permissions at once and audits before and after", async () => {
    const { owner, workspaceId } = await signUp();
    const viewer = await addMember(workspaceId, "viewer");
    const { id } = await role(owner, "viewer");
    expect((await viewer.get("/api/audit")).status).toBe(403);
    const changed = await owner.patch(`/api/roles/${id}`, { permissions: ["customers:read", "audit:read"] });
    expect(changed.status).toBe(200);
    expect(changed.body.permissions).toEqual(["audit:read", "customers:read"]);
    expect((await viewer.get("/api/audit")).status).toBe(200);
    const entry = await env.DB.prepare("SELECT details FROM audit_log WHERE action = 'role.updated' AND entity_id = ?").bind(id).first<{ details: string }>();
    expect(JSON.parse(entry!.details)).toEqual({
      before: { name: "Viewer", permissions: ["customers:read", "tasks:read", "orders:read"] },
      after: { name: "Viewer", permissions: ["audit:read", "customers:read"] },
    });
  });

  it("protects the owner role", async () => {
    const { owner } = await signUp();
    const { id, permissions } = await role(owner, "owner");
    const response = await owner.patch(`/api/roles/${id}`, { permissions: ["customers:read"] });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe("role_protected");
    expect((await role(owner, "owner")).permissions).toEqual(permissions);
  });

  it("lets nobody add a permission they do not hold, but keeps what the role had", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.post("/api/roles", { key: "hr", name: "HR", permissions: ["users:manage", "customers:read"] });
    const hr = await addMember(workspaceId, "hr");
    const viewer = await role(owner, "viewer");
    const auditBefore = await count("audit_log");
    const widen = await hr.patch(`/api/roles/${viewer.id}`, { permissions: ["customers:read", "tasks:read", "customers.pii:read"] });
    expect(widen.status).toBe(400);
    expect(widen.body.errors).toEqual([expect.objectContaining({ path: "body.permissions.2", code: "permission_not_held" })]);
    const mint = await hr.post("/api/roles", { key: "exporter", name: "Exporter", permissions: ["customers:export"] });
    expect(mint.body.errors[0]).toMatchObject({ path: "body.permissions.0", code: "permission_not_held" });
    expect(await count("audit_log")).toBe(auditBefore);
    // tasks:read is not HR's to give, but the viewer role already has it: renaming keeps it.
    const renamed = await hr.patch(`/api/roles/${viewer.id}`, { name: "Read-only", permissions: ["customers:read", "tasks:read"] });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Read-only", permissions: ["customers:read", "tasks:read"] });
  });

  it("refuses an empty change", async () => {
    const { owner } = await signUp();
    const { id } = await role(owner, "agent");
    const response = await owner.patch(`/api/roles/${id}`, {});
    expect(response.status).toBe(400);
    expect(response.body.errors[0].code).toBe("nothing_to_change");
  });

  it("does not find another workspace's role", async () => {
    const a = await signUp();
    const b = await signUp();
    const roleOfB = await role(b.owner, "agent");
    const auditBefore = await count("audit_log");
    const response = await a.owner.patch(`/api/roles/${roleOfB.id}`, { name: "Hijacked" });
    expect(response.status).toBe(404);
    expect((await role(b.owner, "agent")).permissions).toEqual(roleOfB.permissions);
    expect((await b.owner.get("/api/roles")).body.items.map((r: { name: string }) => r.name)).not.toContain("Hijacked");
    expect(await count("audit_log")).toBe(auditBefore);
    expect((await a.owner.get("/api/roles")).body.items.map((r: { id: string }) => r.id)).not.toContain(roleOfB.id);
  });
});
