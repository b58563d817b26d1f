import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, anonymous, type ApiClient, signUp } from "../../../test/support/client";

const count = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;
const tokenOf = (link: string) => link.split("/").pop()!;
const accept = (body: Record<string, unknown>) => anonymous().post("/api/auth/accept-invite", body);

async function invite(owner: ApiClient, email: string, roleKey = "agent", name?: string) {
  const roles = await owner.get("/api/roles");
  const roleId = roles.body.items.find((role: { key: string }) => role.key === roleKey).id;
  const response = await owner.post("/api/users", { email, roleId, ...(name ? { name } : {}) });
  if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${response.text}`);
  return { token: tokenOf(response.body.link), invitationId: response.body.invitation.id as string };
}

const agentRoleOf = async (client: ApiClient) => (await client.get("/api/roles")).body.items.find((role: { key: string }) => role.key === "agent").id as string;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;

describe("accepting an invitation", () => {
  it("creates the user with the invited role, signs them in, and works only once", async () => {
    const { owner, workspaceId } = await signUp();
    const email = uniqueEmail("agent");
    const { token, invitationId } = await invite(owner, email);
    const accepted = await accept({ token, name: "Maryam", password: "a fresh long password" });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ user: { email, name: "Maryam" }, role: { key: "agent" }, workspace: { id: workspaceId } });
    const cookie = accepted.headers.get("set-cookie")!.split(";")[0]!;
    expect((await anonymous().get("/api/auth/me", { cookie })).body.user.email).toBe(email);
    expect((await anonymous().post("/api/auth/login", { email, password: "a fresh long password" })).status).toBe(200);

    const again = await accept({ token, name: "Someone else", password: "another long password" });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe("invitation_invalid");
    const used = await env.DB.prepare("SELECT used_at FROM invitations WHERE id = ?").bind(invitationId).first<{ used_at: number | null }>();
    expect(used!.used_at).toBeGreaterThan(0);
    const joined = await env.DB.prepare("SELECT action, actor_user_id FROM audit_log WHERE action = 'user.joined' AND entity_id = ?")
      .bind(accepted.body.user.id)
      .first();
    expect(joined).toEqual({ action: "user.joined", actor_user_id: accepted.body.user.id });
  });

  it("takes the suggested name when none is given, and asks for one when there is none", async () => {
    const { owner } = await signUp();
    const named = await invite(owner, uniqueEmail("named"), "viewer", "Ali");
    expect((await accept({ token: named.token, password: "a fresh long password" })).body.user.name).toBe("Ali");

    const unnamed = await invite(owner, uniqueEmail("unnamed"));
    const usersBefore = await count("users");
    const missing = await accept({ token: unnamed.token, password: "a fresh long password" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: "body.name", code: "name_required" })]);
    expect(await count("users")).toBe(usersBefore);
    // The link still works once the name is given.
    expect((await accept({ token: unnamed.token, name: "Nima", password: "a fresh long password" })).status).toBe(200);
  });

  it("refuses unknown, expired and superseded links, and weak passwords, writing nothing", async () => {
    const { owner } = await signUp();
    const email = uniqueEmail("late");
    const first = await invite(owner, email);
    const second = await invite(owner, email);
    const before = { users: await count("users"), sessions: await count("sessions") };

    const unknown = await accept({ token: "x".repeat(43), name: "N", password: "a fresh long password" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe("invitation_invalid");
    // A newer invitation to the same address retires the older link.
    expect((await accept({ token: first.token, name: "N", password: "a fresh long password" })).status).toBe(410);
    const weak = await anonymous().withLanguage("fa").post("/api/auth/accept-invite", { token: second.token, name: "N", password: "short" });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]).toMatchObject({ path: "body.password", message: "دست‌کم ۱۰ نویسه وارد کنید." });
    await env.DB.prepare("UPDATE invitations SET expires_at = ? WHERE id = ?").bind(Date.now() - 1, second.invitationId).run();
    const expired = await accept({ token: second.token, name: "N", password: "a fresh long password" });
    expect(expired.status).toBe(410);
    expect(expired.body.detail).toBe("This link is invalid, used or expired.");
    expect({ users: await count("users"), sessions: await count("sessions") }).toEqual(before);
  });

  it("is not blocked by someone who signed up first with the invitee's address: the invitation wins and that sign-up is told to use another", async () => {
    const { owner, workspaceId } = await signUp();
    const email = uniqueEmail("squatted");
    const squat = await anonymous().post("/api/auth/signup", { workspaceName: "Squat", name: "X", email, password: "the squatter's password" });
    expect(squat.status).toBe(201);
    const squatCookie = squat.headers.get("set-cookie")!.split(";")[0]!;

    const { token } = await invite(owner, email);
    const accepted = await accept({ token, name: "Real employee", password: "a fresh long password" });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ user: { email }, workspace: { id: workspaceId } });
    expect((await anonymous().post("/api/auth/login", { email, password: "a fresh long password" })).body.workspace.id).toBe(workspaceId);

    // The squatting account: signed out, and told at its next sign-in, in its language.
    expect((await anonymous().get("/api/auth/me", { cookie: squatCookie })).status).toBe(401);
    const told = await anonymous().withLanguage("fa").post("/api/auth/login", { email, password: "the squatter's password" });
    expect(told.status).toBe(409);
    expect(told.body.code).toBe("email_released");
    expect(told.body.detail).toContain("با نشانی دیگری دوباره ثبت‌نام کنید");
    expect((await anonymous().post("/api/auth/login", { email, password: "a wrong password" })).status).toBe(401);
    const released = await env.DB.prepare("select email, released_email from users where id = ?").bind(squat.body.user.id).first();
    expect(released).toEqual({ email: `${squat.body.user.id}@released.invalid`, released_email: email });
    const audits = await env.DB.prepare("select workspace_id, action from audit_log where entity_id = ? and action = 'user.email_released'").bind(squat.body.user.id).all();
    expect(audits.results).toEqual([{ workspace_id: squat.body.workspace.id, action: "user.email_released" }]);
  });

  it("wins over a sign-up made after the invitation was sent, too", async () => {
    const { owner } = await signUp();
    const email = uniqueEmail("late-squat");
    const { token } = await invite(owner, email);
    expect((await anonymous().post("/api/auth/signup", { workspaceName: "Own shop", name: "X", email, password: "a long enough password" })).status).toBe(201);
    expect((await accept({ token, name: "X", password: "a fresh long password" })).status).toBe(200);
  });

  it("leaves a sign-up's address alone once its workspace is in use, and one that joined by invitation", async () => {
    const { owner } = await signUp();
    const email = uniqueEmail("in-use");
    const { token } = await invite(owner, email);
    const shop = await signUp();
    await env.DB.prepare("update users set email = ? where id = ?").bind(email, shop.me.user.id).run();
    await shop.owner.post("/api/customers", { mobile: "09121234567" });
    const response = await accept({ token, name: "X", password: "a fresh long password" });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe("email_taken");
    expect((await owner.post("/api/users", { email, roleId: await agentRoleOf(owner) })).status).toBe(409);

    // Whoever joined by invitation proved the address: a second invitation elsewhere cannot take it.
    const joinedEmail = uniqueEmail("joined");
    const first = await invite(owner, joinedEmail);
    expect((await accept({ token: first.token, name: "Joined", password: "a fresh long password" })).status).toBe(200);
    const elsewhere = await signUp();
    const second = await elsewhere.owner.post("/api/users", { email: joinedEmail, roleId: await agentRoleOf(elsewhere.owner) });
    expect(second.status).toBe(409);

    // Nor does an owner give up their own address by inviting it into their own workspace.
    const alone = await signUp();
    expect((await alone.owner.post("/api/users", { email: alone.email, roleId: await agentRoleOf(alone.owner) })).status).toBe(409);
  });
});

describe("completing a password reset", () => {
  it("sets the new password, signs in, and the link works once", async () => {
    const { workspaceId, owner } = await signUp();
    const member = await addMember(workspaceId, "manager");
    const userId = member.identity.userId!;
    const email = (await owner.get("/api/users")).body.items.find((u: { id: string }) => u.id === userId).email;
    const reset = await owner.post(`/api/users/${userId}/reset-password`);
    const token = tokenOf(reset.body.link);
    const done = await accept({ token, password: "my brand new password" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ user: { id: userId }, role: { key: "manager" } });
    expect((await anonymous().post("/api/auth/login", { email, password: "my brand new password" })).status).toBe(200);
    expect((await accept({ token, password: "yet another password" })).status).toBe(410);
    expect((await anonymous().post("/api/auth/login", { email, password: "yet another password" })).status).toBe(401);
    const actions = await env.DB.prepare("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id").bind(userId).all<{ action: string }>();
    expect(actions.results.map((r) => r.action)).toEqual(["user.password_reset", "user.password_set"]);
  });

  it("a newer reset retires the older link, and a disabled user cannot complete one", async () => {
    const { workspaceId, owner } = await signUp();
    const member = await addMember(workspaceId, "agent");
    const userId = member.identity.userId!;
    const older = tokenOf((await owner.post(`/api/users/${userId}/reset-password`)).body.link);
    const newer = tokenOf((await owner.post(`/api/users/${userId}/reset-password`)).body.link);
    expect((await accept({ token: older, password: "my brand new password" })).status).toBe(410);
    await owner.patch(`/api/users/${userId}`, { status: "disabled" });
    expect((await accept({ token: newer, password: "my brand new password" })).status).toBe(410);
    const row = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?").bind(userId).first<{ password_hash: string | null }>();
    expect(row!.password_hash).toBeNull();
  });
});

describe("an invitation and its sender", () => {
  it("stops working once its sender is disabled", async () => {
    const { owner, workspaceId } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const { token, invitationId } = await invite(admin, uniqueEmail("second-admin"), "admin");
    await owner.patch(`/api/users/${admin.identity.userId}`, { status: "disabled" });
    const usersBefore = await count("users");
    const accepted = await accept({ token, name: "Second me", password: "a fresh long password" });
    expect(accepted.status).toBe(410);
    expect(accepted.body.code).toBe("invitation_invalid");
    expect(await count("users")).toBe(usersBefore);
    expect((await owner.get("/api/invitations")).body.items.map((i: { id: string }) => i.id)).not.toContain(invitationId);
  });

  it("stops working once its sender could no longer give that role, and a demotion ends the sender's links", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.post("/api/roles", { key: "hr", name: "HR", permissions: ["users:manage", "customers:read", "tasks:read"] });
    await owner.post("/api/roles", { key: "helper", name: "Helper", permissions: ["customers:read", "tasks:read"] });
    const hr = await addMember(workspaceId, "hr");
    const helperLink = await invite(hr, uniqueEmail("helper"), "helper");
    // The owner narrows the HR role: HR no longer holds everything a helper has.
    const hrRole = (await owner.get("/api/roles")).body.items.find((r: { key: string }) => r.key === "hr");
    await owner.patch(`/api/roles/${hrRole.id}`, { permissions: ["users:manage", "customers:read"] });
    expect((await accept({ token: helperLink.token, name: "H", password: "a fresh long password" })).status).toBe(410);

    // A member demoted to a role with less: every link they sent ends at once.
    const admin = await addMember(workspaceId, "admin");
    const agentLink = await invite(admin, uniqueEmail("agent"), "agent");
    const managerRoleId = (await owner.get("/api/roles")).body.items.find((r: { key: string }) => r.key === "manager").id;
    await owner.patch(`/api/users/${admin.identity.userId}`, { roleId: managerRoleId });
    const voided = await env.DB.prepare("SELECT expires_at FROM invitations WHERE id = ?").bind(agentLink.invitationId).first<{ expires_at: number }>();
    expect(voided!.expires_at).toBeLessThanOrEqual(Date.now());
    expect((await accept({ token: agentLink.token, name: "A", password: "a fresh long password" })).status).toBe(410);
  });
});

describe("pending invitations", () => {
  it("lists who invited whom, with which role and until when, for users:manage only", async () => {
    const { owner, workspaceId, me } = await signUp();
    const email = uniqueEmail("listed");
    const { invitationId } = await invite(owner, email, "manager", "Leila");
    const used = await invite(owner, uniqueEmail("used"));
    await accept({ token: used.token, name: "U", password: "a fresh long password" });
    const list = await owner.get("/api/invitations");
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [
        {
          id: invitationId,
          email,
          name: "Leila",
          role: expect.objectContaining({ key: "manager" }),
          invitedBy: { id: me.user.id, name: "Owner" },
          createdAt: expect.any(String),
          expiresAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    expect((await (await addMember(workspaceId, "manager")).get("/api/invitations")).status).toBe(403);
    expect((await anonymous().get("/api/invitations")).status).toBe(401);
  });

  it("revokes one: its link stops working, the revocation is audited, and nobody revokes above their own reach", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.post("/api/roles", { key: "hr", name: "HR", permissions: ["users:manage", "customers:read"] });
    const hr = await addMember(workspaceId, "hr");
    const adminInvite = await invite(owner, uniqueEmail("admin"), "admin");
    const auditBefore = await count("audit_log");
    const refused = await hr.delete(`/api/invitations/${adminInvite.invitationId}`);
    expect(refused.status).toBe(403);
    expect(await count("audit_log")).toBe(auditBefore);

    const revoked = await owner.delete(`/api/invitations/${adminInvite.invitationId}`);
    expect(revoked.status).toBe(204);
    expect((await accept({ token: adminInvite.token, name: "A", password: "a fresh long password" })).status).toBe(410);
    expect((await owner.get("/api/invitations")).body.items).toEqual([]);
    expect((await owner.delete(`/api/invitations/${adminInvite.invitationId}`)).status).toBe(404);
    const entry = await env.DB.prepare("SELECT actor_user_id, details FROM audit_log WHERE action = 'user.invitation_revoked' AND entity_id = ?")
      .bind(adminInvite.invitationId)
      .first<{ actor_user_id: string; details: string }>();
    expect(entry!.actor_user_id).toBe(owner.identity.userId);
    expect(JSON.parse(entry!.details)).toMatchObject({ roleKey: "admin" });

    const other = await signUp();
    expect((await other.owner.delete(`/api/invitations/${(await invite(owner, uniqueEmail("x"))).invitationId}`)).status).toBe(404);
  });
});
