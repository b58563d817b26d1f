import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ApiClient, anonymous, signUp } from "../../../test/support/client";

describe("sign-up and sign-in", () => {
  it("creates a workspace whose owner is signed in with a secure cookie", async () => {
    const response = await anonymous().post("/api/auth/signup", {
      workspaceName: "Golrang",
      name: "Sara",
      email: "  Sara@Example.com ",
      password: "a long enough password",
    });
    expect(response.status).toBe(201);
    expect(response.body.user.email).toBe("sara@example.com");
    expect(response.body.role.key).toBe("owner");
    expect(response.body.workspace).toMatchObject({ locale: "fa", timeZone: "Asia/Tehran", cidKind: "mobile" });
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/crm_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("logs in, knows who I am, and logs out for good", async () => {
    const { email, password } = await signUp();
    const login = await anonymous().post("/api/auth/login", { email, password });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const me = await anonymous().get("/api/auth/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
    expect(me.body.permissions).toContain("customers.pii:read");
    const logout = await anonymous().post("/api/auth/logout", {}, { cookie });
    expect(logout.status).toBe(204);
    expect((await anonymous().get("/api/auth/me", { cookie })).status).toBe(401);
  });

  it("refuses a wrong password without saying whether the account exists", async () => {
    const { email } = await signUp();
    const wrong = await anonymous().post("/api/auth/login", { email, password: "not the password" });
    const unknown = await anonymous().post("/api/auth/login", { email: "nobody@example.com", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it("refuses a second sign-up with the same e-mail with 409", async () => {
    const { email } = await signUp();
    const again = await anonymous().post("/api/auth/signup", { workspaceName: "X", name: "Y", email, password: "another long password" });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ path: "body.email", code: "email_taken" });
  });

  it("explains invalid sign-up fields in Persian", async () => {
    const response = await anonymous()
      .withLanguage("fa")
      .post("/api/auth/signup", { workspaceName: "", name: "Y", email: "not-an-email", password: "short" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["body.workspaceName", "body.email", "body.password"]));
    const password = response.body.errors.find((e: { path: string }) => e.path === "body.password");
    expect(password.message).toBe("دست‌کم ۱۰ نویسه وارد کنید.");
  });
});

describe("changing one's own password", () => {
  const signInElsewhere = async (email: string, password: string) => {
    const login = await anonymous().post("/api/auth/login", { email, password }, { "cf-connecting-ip": "198.51.100.7" });
    expect(login.status).toBe(200);
    return new ApiClient({ cookie: login.headers.get("set-cookie")!.split(";")[0]! });
  };

  it("refuses a wrong current password at its field, in Persian, and changes nothing", async () => {
    const { owner, email, password, workspaceId } = await signUp();
    const phone = await signInElsewhere(email, password);
    const wrong = await owner.withLanguage("fa").post("/api/auth/password", { currentPassword: "not my password", newPassword: "a brand new passphrase" });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get("content-type")).toContain("application/problem+json");
    expect(wrong.body.errors).toEqual([{ path: "body.currentPassword", code: "wrong_current_password", message: "این گذرواژهٔ فعلی شما نیست." }]);
    const weak = await owner.post("/api/auth/password", { currentPassword: password, newPassword: "short" });
    expect(weak.body.errors.map((e: { path: string }) => e.path)).toEqual(["body.newPassword"]);
    const same = await owner.post("/api/auth/password", { currentPassword: password, newPassword: password });
    expect(same.body.errors).toEqual([expect.objectContaining({ path: "body.newPassword", code: "password_unchanged" })]);
    expect((await anonymous().post("/api/auth/login", { email, password })).status).toBe(200);
    expect((await phone.get("/api/auth/me")).status).toBe(200);
    const audited = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE workspace_id = ? AND action = 'user.password_changed'").bind(workspaceId).first<{ n: number }>();
    expect(audited!.n).toBe(0);
  });

  it("takes the new password, signs the user's other sessions out, keeps this one and audits the change", async () => {
    const { owner, email, password, workspaceId, me } = await signUp();
    const phone = await signInElsewhere(email, password);
    const changed = await owner.post("/api/auth/password", { currentPassword: password, newPassword: "a brand new passphrase" });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ signedOutSessions: 1 });
    expect((await owner.get("/api/auth/me")).status).toBe(200);
    expect((await phone.get("/api/auth/me")).status).toBe(401);
    expect((await anonymous().post("/api/auth/login", { email, password })).status).toBe(401);
    expect((await anonymous().post("/api/auth/login", { email, password: "a brand new passphrase" })).status).toBe(200);
    const audit = await env.DB.prepare("SELECT actor_user_id, entity_id FROM audit_log WHERE workspace_id = ? AND action = 'user.password_changed'")
      .bind(workspaceId)
      .all<{ actor_user_id: string; entity_id: string }>();
    expect(audit.results).toEqual([{ actor_user_id: me.user.id, entity_id: me.user.id }]);
  });

  it("counts wrong current passwords like failed sign-ins and makes the next try wait", async () => {
    const { owner, password } = await signUp();
    const ip = { "cf-connecting-ip": "198.51.100.99" };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await owner.post("/api/auth/password", { currentPassword: `guess ${i}`, newPassword: "a brand new passphrase" }, ip)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const held = await owner.post("/api/auth/password", { currentPassword: password, newPassword: "a brand new passphrase" }, ip);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses an API key, so a script cannot take the account over", async () => {
    const { owner, password } = await signUp();
    const key = await owner.post("/api/api-keys", { name: "script", scopes: ["customers:read"] });
    expect(key.status).toBe(201);
    const viaKey = new ApiClient({ authorization: `Bearer ${key.body.key}` });
    expect((await viaKey.post("/api/auth/password", { currentPassword: password, newPassword: "a brand new passphrase" })).status).toBe(403);
  });
});
