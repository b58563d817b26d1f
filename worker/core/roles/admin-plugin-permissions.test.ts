import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, type ApiClient, signUp } from "../../../test/support/client";
import { CORE_PERMISSIONS } from "../permissions/permissions";
import { pluginPermissions } from "../permissions/plugin-permissions";

async function adminRole(owner: ApiClient) {
  return (await owner.get("/api/roles")).body.items.find((r: { key: string }) => r.key === "admin") as { id: string; permissions: string[] };
}

const storedAdminPermissions = async (workspaceId: string) =>
  JSON.parse((await env.DB.prepare("SELECT permissions FROM roles WHERE workspace_id = ? AND key = 'admin'").bind(workspaceId).first<{ permissions: string }>())!.permissions) as string[];

/** An admin role as a workspace made before the plugins were compiled in has it: core permissions only. */
const makeAdminRoleCoreOnly = (workspaceId: string) =>
  env.DB.prepare("UPDATE roles SET permissions = ? WHERE workspace_id = ? AND key = 'admin'").bind(JSON.stringify([...CORE_PERMISSIONS]), workspaceId).run();

describe("the admin role's plugin permissions", () => {
  it("are what the admin role lists: one taken away by the owner is gone for admins", async () => {
    const { owner, workspaceId } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    await owner.patch("/api/plugins/loyalty", { enabled: true });
    expect((await admin.get("/api/auth/me")).body.permissions).toContain("loyalty:manage");
    const role = await adminRole(owner);
    expect((await owner.patch(`/api/roles/${role.id}`, { permissions: role.permissions.filter((p) => p !== "loyalty:manage") })).status).toBe(200);
    // Sign-in used to add every plugin permission to admins whatever their role listed.
    expect((await admin.get("/api/auth/me")).body.permissions).not.toContain("loyalty:manage");
    expect((await admin.post("/api/plugins/loyalty/rewards", { name: "Free coffee", cost: 10 })).status).toBe(403);
    expect((await owner.post("/api/plugins/loyalty/rewards", { name: "Free coffee", cost: 10 })).status).toBe(201);
  });

  it("come to an admin role lacking them when the plugin is first switched on, and only then", async () => {
    const { owner, workspaceId } = await signUp();
    await makeAdminRoleCoreOnly(workspaceId);
    const admin = await addMember(workspaceId, "admin");
    expect((await admin.get("/api/auth/me")).body.permissions).not.toContain("loyalty:read");
    expect((await owner.patch("/api/plugins/loyalty", { enabled: true })).status).toBe(200);
    expect(await storedAdminPermissions(workspaceId)).toEqual(expect.arrayContaining(pluginPermissions().filter((p) => p.startsWith("loyalty:"))));
    expect((await admin.get("/api/auth/me")).body.permissions).toContain("loyalty:read");
    const granted = await env.DB.prepare("SELECT details FROM audit_log WHERE workspace_id = ? AND action = 'role.updated'").bind(workspaceId).first<{ details: string }>();
    expect(JSON.parse(granted!.details)).toMatchObject({ plugin: "loyalty", after: { permissions: expect.arrayContaining(["loyalty:manage"]) } });

    // The owner's later choice stands: switching the plugin off and on gives nothing back.
    const role = await adminRole(owner);
    await owner.patch(`/api/roles/${role.id}`, { permissions: role.permissions.filter((p) => p !== "loyalty:adjust") });
    await owner.patch("/api/plugins/loyalty", { enabled: false });
    await owner.patch("/api/plugins/loyalty", { enabled: true });
    expect(await storedAdminPermissions(workspaceId)).not.toContain("loyalty:adjust");
  });

  it("are backfilled by the migration for admin roles made before, without touching other roles", async () => {
    const { workspaceId } = await signUp();
    await makeAdminRoleCoreOnly(workspaceId);
    const viewerBefore = await env.DB.prepare("SELECT permissions FROM roles WHERE workspace_id = ? AND key = 'viewer'").bind(workspaceId).first();
    const backfill = env.TEST_MIGRATIONS.flatMap((migration) => migration.queries).filter((query) => query.includes("json_each") && query.includes("key = 'admin'"));
    expect(backfill).toHaveLength(1);
    await env.DB.prepare(backfill[0]!).run();
    const permissions = await storedAdminPermissions(workspaceId);
    // The plugins of that release (the loyalty club); plugins added since come when first switched on.
    expect(permissions).toEqual([...new Set([...CORE_PERMISSIONS, ...pluginPermissions().filter((p) => p.startsWith("loyalty:"))])].sort());
    expect(await env.DB.prepare("SELECT permissions FROM roles WHERE workspace_id = ? AND key = 'viewer'").bind(workspaceId).first()).toEqual(viewerBefore);
  });
});
