import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { anonymous, signUp } from "../../../test/support/client";
import { SESSION_IDLE_MS } from "./session-policy";
import { sha256Hex } from "./tokens";

/** Signs in and returns the cookie and its session row's id. */
async function signIn() {
  const { email, password } = await signUp();
  const response = await anonymous().post("/api/auth/login", { email, password });
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  const tokenHash = await sha256Hex(cookie.slice(cookie.indexOf("=") + 1));
  const row = await env.DB.prepare("SELECT id FROM sessions WHERE token_hash = ?").bind(tokenHash).first<{ id: string }>();
  return { cookie, sessionId: row!.id };
}

const me = (cookie: string) => anonymous().get("/api/auth/me", { cookie });

describe("sessions", () => {
  it("refuses a session that has been idle too long", async () => {
    const { cookie, sessionId } = await signIn();
    expect((await me(cookie)).status).toBe(200);
    await env.DB.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?")
      .bind(Date.now() - SESSION_IDLE_MS - 1000, sessionId)
      .run();
    expect((await me(cookie)).status).toBe(401);
  });

  it("refuses a session past its absolute lifetime, however recently used", async () => {
    const { cookie, sessionId } = await signIn();
    await env.DB.prepare("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?")
      .bind(Date.now(), Date.now() - 1000, sessionId)
      .run();
    expect((await me(cookie)).status).toBe(401);
  });

  it("revokes the session on logout and clears the cookie", async () => {
    const { cookie, sessionId } = await signIn();
    const logout = await anonymous().post("/api/auth/logout", {}, { cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.get("set-cookie")).toMatch(/crm_session=;/);
    const row = await env.DB.prepare("SELECT revoked_at FROM sessions WHERE id = ?").bind(sessionId).first<{ revoked_at: number | null }>();
    expect(row!.revoked_at).toBeGreaterThan(0);
    expect((await me(cookie)).status).toBe(401);
  });

  it("keeps other sessions of the same user when one logs out", async () => {
    const { email, password } = await signUp();
    const first = (await anonymous().post("/api/auth/login", { email, password })).headers.get("set-cookie")!.split(";")[0]!;
    const second = (await anonymous().post("/api/auth/login", { email, password })).headers.get("set-cookie")!.split(";")[0]!;
    await anonymous().post("/api/auth/logout", {}, { cookie: first });
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
  });
});
