import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addMember, anonymous, type ApiClient, signUp } from "../../../test/support/client";
import { createSession } from "../auth/sessions";
import { openDirectory } from "../data/database";
import { interceptFetch } from "../messaging/messaging.test-support";

afterEach(() => vi.restoreAllMocks());

const count = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

async function roleId(client: ApiClient, key: string): Promise<string> {
  const roles = await client.get("/api/roles");
  return roles.body.items.find((role: { key: string }) => role.key === key).id;
}

const auditActions = async (workspaceId: string, entityId: string) =>
  (
    await env.DB.prepare("SELECT action, details FROM audit_log WHERE workspace_id = ? AND entity_id = ? ORDER BY id")
      .bind(workspaceId, entityId)
      .all<{ action: string; details: string | null }>()
  ).results.map((row) => ({ action: row.action, details: row.details ? JSON.parse(row.details) : null }));

describe("staff list", () => {
  it("lists staff with role and status, for users:manage only", async () => {
    const { owner, workspaceId, me } = await signUp();
    const agent = await addMember(workspaceId, "agent", "Reza");
    const list = await owner.get("/api/users");
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: me.user.id, role: expect.objectContaining({ key: "owner" }), status: "active", passwordSet: true }),
      expect.objectContaining({ id: agent.identity.userId, name: "Reza", role: expect.objectContaining({ key: "agent" }), passwordSet: false }),
    ]);
    expect(list.body.items[0]).not.toHaveProperty("passwordHash");
    expect((await agent.get("/api/users")).status).toBe(403);
    expect((await (await addMember(workspaceId, "manager")).get("/api/users")).status).toBe(403);
  });
});

describe("colleagues", () => {
  it("gives anyone who works tasks the active colleagues' names, and nothing more", async () => {
    const { owner, workspaceId, me } = await signUp();
    const agent = await addMember(workspaceId, "agent", "Reza");
    const leaving = await addMember(workspaceId, "agent", "Leila");
    expect((await owner.patch(`/api/users/${leaving.identity.userId}`, { status: "disabled" })).status).toBe(200);
    const other = await signUp();
    await addMember(other.workspaceId, "agent", "Stranger");
    const list = await agent.get("/api/users/colleagues");
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { id: me.user.id, name: "Owner" },
      { id: agent.identity.userId, name: "Reza" },
    ]);
    expect((await (await addMember(workspaceId, "viewer")).get("/api/users/colleagues")).status).toBe(200);
  });
});

describe("inviting", () => {
  it("returns a one-use link once and stores only the token's hash", async () => {
    const { owner, workspaceId } = await signUp();
    const response = await owner.post("/api/users", { email: " New.Agent@Example.com ", roleId: await roleId(owner, "agent") });
    expect(response.status).toBe(201);
    expect(response.body.link).toMatch(/^https:\/\/crm\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = response.body.link.split("/").pop();
    const row = await env.DB.prepare("SELECT * FROM invitations WHERE id = ?").bind(response.body.invitation.id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ kind: "invite", email: "new.agent@example.com", used_at: null });
    expect(JSON.stringify(row)).not.toContain(token);
    const days = ((row!.expires_at as number) - (row!.created_at as number)) / 86_400_000;
    expect(days).toBe(7);
    expect(await auditActions(workspaceId, response.body.invitation.id)).toEqual([
      { action: "user.invited", details: expect.objectContaining({ email: "new.agent@example.com", roleKey: "agent" }) },
    ]);
  });

  it("refuses bad input, unknown roles, another workspace's role and taken e-mails, writing nothing", async () => {
    const { owner } = await signUp();
    const other = await signUp();
    // A workspace in use keeps its owner's address (see invitations.test.ts for unused sign-ups).
    await other.owner.post("/api/customers", { mobile: "09121112233" });
    const before = { invitations: await count("invitations"), audit: await count("audit_log") };
    const bad = await owner.post("/api/users", { email: "not-an-email", roleId: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["body.email", "body.roleId"]);
    const unknown = await owner.post("/api/users", { email: "x@example.com", roleId: "rol_nope" });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "body.roleId", code: "unknown_role" })]);
    const foreign = await owner.post("/api/users", { email: "x@example.com", roleId: await roleId(other.owner, "agent") });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].code).toBe("unknown_role");
    const taken = await owner.post("/api/users", { email: other.email, roleId: await roleId(owner, "agent") });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ path: "body.email", code: "email_taken" });
    expect({ invitations: await count("invitations"), audit: await count("audit_log") }).toEqual(before);
  });

  it("lets only an owner invite an owner, and nobody give a role above their own", async () => {
    const { owner, workspaceId } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const ownerRole = await roleId(owner, "owner");
    const refused = await admin.withLanguage("fa").post("/api/users", { email: "boss@example.com", roleId: ownerRole });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("owner_only");
    expect((await owner.post("/api/users", { email: "co-owner@example.com", roleId: ownerRole })).status).toBe(201);

    await owner.post("/api/roles", { key: "hr", name: "HR", permissions: ["users:manage", "customers:read"] });
    const hr = await addMember(workspaceId, "hr");
    const above = await hr.post("/api/users", { email: "agent@example.com", roleId: await roleId(owner, "agent") });
    expect(above.status).toBe(400);
    expect(above.body.errors).toEqual([expect.objectContaining({ path: "body.roleId", code: "permission_not_held" })]);
    expect((await hr.post("/api/users", { email: "hr2@example.com", roleId: await roleId(owner, "hr") })).status).toBe(201);
  });
});

describe("changing a staff member", () => {
  it("changes a role, effective at once, and audits before and after", async () => {
    const { owner, workspaceId } = await signUp();
    const member = await addMember(workspaceId, "agent");
    const userId = member.identity.userId!;
    expect((await member.get("/api/audit")).status).toBe(403);
    const changed = await owner.patch(`/api/users/${userId}`, { roleId: await roleId(owner, "manager") });
    expect(changed.status).toBe(200);
    expect(changed.body.role.key).toBe("manager");
    expect((await member.get("/api/audit")).status).toBe(200);
    expect(await auditActions(workspaceId, userId)).toEqual([
      { action: "user.role_changed", details: { before: expect.objectContaining({ roleKey: "agent" }), after: expect.objectContaining({ roleKey: "manager" }) } },
    ]);
  });

  it("disabling signs the user out for good, and stops their keys", async () => {
    const { owner, workspaceId } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const key = (await admin.post("/api/api-keys", { name: "k", scopes: ["audit:read"] })).body.key;
    const userId = admin.identity.userId!;
    const disabled = await owner.patch(`/api/users/${userId}`, { status: "disabled" });
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe("disabled");
    expect((await admin.get("/api/auth/me")).status).toBe(401);
    expect((await anonymous().get("/api/audit", { authorization: `Bearer ${key}` })).status).toBe(401);
    const open = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NULL").bind(userId).first<{ n: number }>();
    expect(open!.n).toBe(0);
    // Re-enabled, the user signs in afresh: the old session stays ended.
    await owner.patch(`/api/users/${userId}`, { status: "active" });
    expect((await admin.get("/api/auth/me")).status).toBe(401);
    expect((await auditActions(workspaceId, userId)).map((e) => e.details)).toEqual([
      { before: "active", after: "disabled" },
      { before: "disabled", after: "active" },
    ]);
  });

  it("never leaves a workspace without an active owner", async () => {
    const { owner, workspaceId, me } = await signUp();
    const before = { users: await env.DB.prepare("SELECT role_id, status FROM users WHERE id = ?").bind(me.user.id).first(), audit: await count("audit_log") };
    const demote = await owner.patch(`/api/users/${me.user.id}`, { roleId: await roleId(owner, "admin") });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe("last_owner");
    expect((await owner.patch(`/api/users/${me.user.id}`, { status: "disabled" })).body.code).toBe("last_owner");
    expect({ users: await env.DB.prepare("SELECT role_id, status FROM users WHERE id = ?").bind(me.user.id).first(), audit: await count("audit_log") }).toEqual(before);

    // A second, disabled owner does not count; once active, the first may step down.
    const second = await addMember(workspaceId, "owner");
    await owner.patch(`/api/users/${second.identity.userId}`, { status: "disabled" });
    expect((await owner.patch(`/api/users/${me.user.id}`, { roleId: await roleId(owner, "admin") })).status).toBe(409);
    await owner.patch(`/api/users/${second.identity.userId}`, { status: "active" });
    expect((await owner.patch(`/api/users/${me.user.id}`, { roleId: await roleId(owner, "admin") })).status).toBe(200);
  });

  it("lets only an owner change an owner, and nobody manage someone above them", async () => {
    const { owner, workspaceId, me } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const second = await addMember(workspaceId, "owner");
    expect((await admin.patch(`/api/users/${second.identity.userId}`, { status: "disabled" })).body.code).toBe("owner_only");
    expect((await admin.post(`/api/users/${me.user.id}/reset-password`)).status).toBe(403);
    expect((await admin.patch(`/api/users/${admin.identity.userId}`, { roleId: await roleId(owner, "owner") })).body.code).toBe("owner_only");

    await owner.post("/api/roles", { key: "hr", name: "HR", permissions: ["users:manage"] });
    const hr = await addMember(workspaceId, "hr");
    const overAdmin = await hr.post(`/api/users/${admin.identity.userId}/revoke-sessions`);
    expect(overAdmin.status).toBe(403);
    expect(overAdmin.body.code).toBe("forbidden");
    expect((await admin.get("/api/auth/me")).status).toBe(200);
  });

  it("refuses an empty or invalid change and an unknown role", async () => {
    const { owner, workspaceId } = await signUp();
    const agent = await addMember(workspaceId, "agent");
    const path = `/api/users/${agent.identity.userId}`;
    const auditBefore = await count("audit_log");
    const empty = await owner.patch(path, {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].code).toBe("nothing_to_change");
    expect((await owner.patch(path, { status: "gone" })).body.errors[0].path).toBe("body.status");
    expect((await owner.patch(path, { roleId: "rol_nope" })).body.errors[0]).toMatchObject({ path: "body.roleId", code: "unknown_role" });
    expect(await count("audit_log")).toBe(auditBefore);
    expect((await agent.get("/api/auth/me")).body.role.key).toBe("agent");
  });
});

describe("resetting and signing out", () => {
  it("a reset signs the user out, clears the password and returns a reset link", async () => {
    const { owner, workspaceId, me, email, password } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const second = await addMember(workspaceId, "owner");
    // An owner resets another owner (here: the one who signed up).
    const reset = await second.post(`/api/users/${me.user.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.delivery).toBe("link");
    expect(reset.body.link).toMatch(/^https:\/\/crm\.test\/reset\/[A-Za-z0-9_-]{43}$/);
    expect((await owner.get("/api/auth/me")).status).toBe(401);
    expect((await anonymous().post("/api/auth/login", { email, password })).status).toBe(401);
    expect((await admin.get("/api/auth/me")).status).toBe(200);
    const row = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(me.user.id).first<{ password_hash: string | null }>();
    expect(row!.password_hash).toBeNull();
    expect((await auditActions(workspaceId, me.user.id)).map((e) => e.action)).toEqual(["user.password_reset"]);
  });

  it("hands a reset link to no one but an owner: without an e-mail provider an admin is refused and nothing changes", async () => {
    const { owner, workspaceId } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const agent = await addMember(workspaceId, "agent");
    const userId = agent.identity.userId!;
    const before = { invitations: await count("invitations"), audit: await count("audit_log") };
    const refused = await admin.withLanguage("fa").post(`/api/users/${userId}/reset-password`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "reset_needs_email" });
    expect(refused.body).not.toHaveProperty("link");
    expect(refused.body.detail).toContain("مالک");
    expect({ invitations: await count("invitations"), audit: await count("audit_log") }).toEqual(before);
    expect((await agent.get("/api/auth/me")).status).toBe(200);
    const byOwner = await owner.post(`/api/users/${userId}/reset-password`);
    expect(byOwner.body).toMatchObject({ delivery: "link", link: expect.stringContaining("/reset/") });
  });

  it("with an e-mail provider, sends the reset link to the person's own inbox and not to the caller", async () => {
    const { owner, workspaceId } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const agent = await addMember(workspaceId, "agent");
    const userId = agent.identity.userId!;
    const email = (await owner.get("/api/users")).body.items.find((u: { id: string }) => u.id === userId).email;
    await owner.request("PUT", "/api/messaging/providers/email", { kind: "http", url: "https://mail.example.com/v1/send", token: "re_live_9f8e7d6c5b4a39281706", from: "shop@example.com" });
    const { calls } = interceptFetch(() => Response.json({ id: "em_1" }, { status: 202 }));
    const reset = await admin.post(`/api/users/${userId}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ delivery: "email", expiresAt: expect.any(String) });
    expect(reset.text).not.toContain("/reset/");
    expect(calls).toHaveLength(1);
    const mail = JSON.parse(calls[0]!.body);
    expect(mail).toMatchObject({ to: email, subject: "Set a new password" });
    const token = /\/reset\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
    const done = await anonymous().post("/api/auth/accept-invite", { token, password: "a brand new password" });
    expect(done.status).toBe(200);
    expect(done.body.user.id).toBe(userId);
    expect((await auditActions(workspaceId, userId)).find((e) => e.action === "user.password_reset")!.details).toMatchObject({ delivery: "email" });

    // When the e-mail fails, the admin gets an error, never the link; an owner gets the link.
    vi.restoreAllMocks();
    interceptFetch(() => new Response("down", { status: 503 }));
    const failed = await admin.post(`/api/users/${userId}/reset-password`);
    expect(failed.status).toBe(502);
    expect(failed.text).not.toContain("/reset/");
    expect((await owner.post(`/api/users/${userId}/reset-password`)).body).toMatchObject({ delivery: "link", link: expect.stringContaining("/reset/") });
  });

  it("revoke-sessions ends every session of the user at once", async () => {
    const { owner, workspaceId } = await signUp();
    const agent = await addMember(workspaceId, "agent");
    const userId = agent.identity.userId!;
    // A second device.
    const phone = await createSession(openDirectory(env), { id: userId, workspaceId }, { ip: null, userAgent: "phone" });
    const revoked = await owner.post(`/api/users/${userId}/revoke-sessions`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedSessions).toBe(2);
    expect((await agent.get("/api/auth/me")).status).toBe(401);
    expect((await anonymous().get("/api/auth/me", { cookie: `crm_session=${phone.token}` })).status).toBe(401);
    expect((await auditActions(workspaceId, userId)).map((e) => e.action)).toEqual(["user.sessions_revoked"]);
    expect((await owner.get("/api/auth/me")).status).toBe(200);
  });
});

describe("workspace isolation", () => {
  it("does not find or list another workspace's staff", async () => {
    const a = await signUp();
    const b = await signUp();
    const memberOfB = await addMember(b.workspaceId, "agent");
    const id = memberOfB.identity.userId!;
    const auditBefore = await count("audit_log");
    expect((await a.owner.patch(`/api/users/${id}`, { status: "disabled" })).status).toBe(404);
    expect((await a.owner.post(`/api/users/${id}/reset-password`)).status).toBe(404);
    expect((await a.owner.post(`/api/users/${id}/revoke-sessions`)).status).toBe(404);
    const key = (await a.owner.post("/api/api-keys", { name: "k", scopes: ["users:manage"] })).body.key;
    expect((await anonymous().patch(`/api/users/${id}`, { status: "disabled" }, { authorization: `Bearer ${key}` })).status).toBe(404);
    expect((await memberOfB.get("/api/auth/me")).status).toBe(200);
    expect(await count("audit_log")).toBe(auditBefore + 1); // the key's creation only
    const listed = (await a.owner.get("/api/users")).body.items.map((u: { id: string }) => u.id);
    expect(listed).toEqual([a.me.user.id]);
  });
});
