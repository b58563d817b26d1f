// "Forgot password" by e-mail: a neutral answer, a single-use link that expires in 30 minutes,
// ends every session when used, dies when a newer one is asked for or the password changes by any
// route; budgets per address and per network address; and nothing without an e-mail provider.
import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addMember, anonymous, ApiClient, signUp } from "../../../test/support/client";
import { interceptFetch, type Outbound } from "../messaging/messaging.test-support";
import { RECOVERY_EMAIL_BUDGET } from "./account-throttle";

const MAIL_TOKEN = "re_live_9f8e7d6c5b4a39281706";
const NEW_PASSWORD = "a brand new passphrase";

let ipCounter = 0;
/** A fresh network address per request group, so budgets of one test never hold up another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

let calls: Outbound[] = [];
beforeEach(() => {
  calls = interceptFetch(() => Response.json({ id: "em_1" }, { status: 202 })).calls;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const count = async (sql: string, ...values: unknown[]) => (await env.DB.prepare(sql).bind(...values).first<{ n: number }>())!.n;

/** A workspace with the e-mail API set, its owner signed in (also from a second device). */
async function workspaceWithMail() {
  const signedUp = await signUp();
  const saved = await signedUp.owner.request("PUT", "/api/messaging/providers/email", { kind: "http", url: "https://mail.example.com/v1/send", token: MAIL_TOKEN, from: "shop@example.com" });
  expect(saved.status).toBe(200);
  const login = await anonymous().post("/api/auth/login", { email: signedUp.email, password: signedUp.password }, { "cf-connecting-ip": freshIp() });
  const phone = new ApiClient({ cookie: login.headers.get("set-cookie")!.split(";")[0]! });
  return { ...signedUp, phone };
}

const askForLink = (email: string, ip = freshIp(), language = "en") => anonymous().withLanguage(language).post("/api/auth/password-recovery", { email }, { "cf-connecting-ip": ip });

/** The mails the e-mail API was given, once as many as expected have gone out (they go after the answer). */
async function mailsTo(email: string, expected: number) {
  const mails = () => calls.filter((call) => call.url === "https://mail.example.com/v1/send").map((call) => ({ headers: call.headers, ...JSON.parse(call.body) }));
  await expect.poll(() => mails().filter((mail) => mail.to === email).length).toBe(expected);
  return mails().filter((mail) => mail.to === email);
}

const tokenIn = (text: string) => /\/reset\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

const setPassword = (token: string, password = NEW_PASSWORD) => anonymous().post("/api/auth/accept-invite", { token, password });

describe("forgot password by e-mail", () => {
  it("offers e-mail recovery only once a workspace can mail its staff, and makes no link before", async () => {
    const { email } = await signUp();
    expect((await anonymous().get("/api/auth/options")).body).toEqual({ passwordRecovery: "ask_owner", smsSignIn: false });
    const asked = await askForLink(email);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ accepted: true });
    expect(await count("SELECT count(*) AS n FROM invitations WHERE email = ?", email)).toBe(0);
    expect(calls).toHaveLength(0);

    await workspaceWithMail();
    expect((await anonymous().get("/api/auth/options")).body).toEqual({ passwordRecovery: "email", smsSignIn: false });
  });

  it("mails a link that sets a new password once, signs every session out, and is audited without the token", async () => {
    const { owner, phone, email, workspaceId, me } = await workspaceWithMail();
    expect((await askForLink(email)).status).toBe(202);
    const [mail] = await mailsTo(email, 1);
    // The stored API token is opened for sending: the provider gets the real one.
    expect(mail!.headers.get("authorization")).toBe(`Bearer ${MAIL_TOKEN}`);
    expect(mail).toMatchObject({ from: "shop@example.com", subject: "Set a new password" });
    const token = tokenIn(mail!.text);

    const done = await setPassword(token);
    expect(done.status).toBe(200);
    expect(done.body.user.id).toBe(me.user.id);
    const fresh = new ApiClient({ cookie: done.headers.get("set-cookie")!.split(";")[0]! });
    expect((await fresh.get("/api/auth/me")).status).toBe(200);
    expect((await owner.get("/api/auth/me")).status).toBe(401);
    expect((await phone.get("/api/auth/me")).status).toBe(401);
    expect((await setPassword(token, "yet another passphrase")).status).toBe(410);
    expect((await anonymous().post("/api/auth/login", { email, password: NEW_PASSWORD }, { "cf-connecting-ip": freshIp() })).status).toBe(200);

    const audit = await env.DB.prepare("SELECT action, details FROM audit_log WHERE workspace_id = ? AND entity_id = ?").bind(workspaceId, me.user.id).all<{ action: string; details: string }>();
    expect(audit.results.map((row) => row.action)).toContain("user.password_recovered");
    expect(JSON.stringify(audit.results)).not.toContain(token);
    const recorded = await env.DB.prepare("SELECT purpose, status, provider_kind, subject, body FROM staff_messages WHERE user_id = ?").bind(me.user.id).all();
    expect(recorded.results).toEqual([{ purpose: "password_recovery", status: "sent", provider_kind: "http", subject: null, body: null }]);
  });

  it("answers an unknown or disabled address exactly as a known one, and mails nothing", async () => {
    const { owner, email, workspaceId } = await workspaceWithMail();
    const agent = await addMember(workspaceId, "agent");
    const agentEmail = (await agent.get("/api/auth/me")).body.user.email;
    expect((await owner.patch(`/api/users/${agent.identity.userId}`, { status: "disabled" })).status).toBe(200);
    const known = await askForLink(email);
    const unknown = await askForLink("nobody-here@example.com");
    const disabled = await askForLink(agentEmail);
    expect([unknown.status, unknown.text, disabled.status, disabled.text]).toEqual([known.status, known.text, known.status, known.text]);
    await mailsTo(email, 1);
    expect(calls.filter((call) => !call.body.includes(email))).toHaveLength(0);
  });

  it("refuses a link after 30 minutes", async () => {
    const { email } = await workspaceWithMail();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    await askForLink(email);
    const token = tokenIn((await mailsTo(email, 1))[0]!.text);
    vi.setSystemTime(Date.now() + 30 * 60 * 1000 + 1000);
    const late = await setPassword(token);
    expect(late.status).toBe(410);
    expect(late.body.code).toBe("invitation_invalid");
  });

  it("ends the earlier link when a new one is asked for", async () => {
    const { email } = await workspaceWithMail();
    await askForLink(email);
    await askForLink(email);
    const [first, second] = (await mailsTo(email, 2)).map((mail) => tokenIn(mail.text));
    expect((await setPassword(first!)).status).toBe(410);
    expect((await setPassword(second!)).status).toBe(200);
  });

  it("kills a link sent earlier once the password is changed from a signed-in session", async () => {
    const { owner, email, password } = await workspaceWithMail();
    await askForLink(email);
    const token = tokenIn((await mailsTo(email, 1))[0]!.text);
    const changed = await owner.post("/api/auth/password", { currentPassword: password, newPassword: "changed while signed in" }, { "cf-connecting-ip": freshIp() });
    expect(changed.status).toBe(200);
    expect((await setPassword(token)).status).toBe(410);
    // The password set from the signed-in session is the one that works.
    expect((await anonymous().post("/api/auth/login", { email, password: "changed while signed in" }, { "cf-connecting-ip": freshIp() })).status).toBe(200);
  });

  it("kills a link sent earlier once an admin resets the password", async () => {
    const { owner, workspaceId } = await workspaceWithMail();
    const agent = await addMember(workspaceId, "agent");
    const agentEmail = (await agent.get("/api/auth/me")).body.user.email;
    await askForLink(agentEmail);
    const token = tokenIn((await mailsTo(agentEmail, 1))[0]!.text);
    expect((await owner.post(`/api/users/${agent.identity.userId}/reset-password`)).status).toBe(200);
    expect((await setPassword(token)).status).toBe(410);
  });

  it("limits requests per e-mail address, known or not, with a Retry-After in the reader's language", async () => {
    const { email } = await workspaceWithMail();
    for (const address of [email, "nobody-at-all@example.com"]) {
      for (let i = 0; i < RECOVERY_EMAIL_BUDGET.limit; i++) expect((await askForLink(address)).status).toBe(202);
      const refused = await askForLink(address, freshIp(), "fa");
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe("password_recovery_limited");
      expect(refused.body.detail).toContain("دیگر دوباره تلاش کنید");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    await mailsTo(email, RECOVERY_EMAIL_BUDGET.limit);
  });

  it("limits requests per network address, whatever the e-mails", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await askForLink(`someone-${i}@example.com`, ip)).status);
    expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
