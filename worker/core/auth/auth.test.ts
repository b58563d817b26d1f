import { describe, expect, it } from "vitest";
import { anonymous, signUp } from "../../../test/support/client";

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
