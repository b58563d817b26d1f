// Sign-in by a one-time SMS code: the owner's setting (needs an SMS provider, audited), the
// staff member's own mobile, and the code itself: sent through the provider, 5 minutes, 5 tries,
// once; a new one ends the old; resends limited; the same answers for a mobile that is no one's.
import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addMember, anonymous, ApiClient, signUp } from "../../../test/support/client";
import { interceptFetch, kavenegarAccepted, type Outbound } from "../messaging/messaging.test-support";
import { SMS_CODE_MOBILE_BUDGET } from "./account-throttle";

const API_KEY = "4A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D";

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;
let mobileCounter = 1000000;
/** A mobile nobody else in this file uses, in the local form people type. */
const freshMobile = () => `0912${++mobileCounter}`;
const canonical = (local: string) => `+98${local.slice(1)}`;

let calls: Outbound[] = [];
beforeEach(() => {
  calls = interceptFetch(() => kavenegarAccepted()).calls;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A workspace with Kavenegar set and SMS sign-in on, and an agent with a mobile on their profile. */
async function workspaceWithSmsSignIn() {
  const signedUp = await signUp();
  expect((await signedUp.owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY })).status).toBe(200);
  expect((await signedUp.owner.patch("/api/settings", { smsSignIn: true })).status).toBe(200);
  const agent = await addMember(signedUp.workspaceId, "agent", "Reza");
  const mobile = freshMobile();
  expect((await agent.patch("/api/auth/me", { mobile })).status).toBe(200);
  return { ...signedUp, agent, mobile };
}

const askForCode = (mobile: string, ip = freshIp()) => anonymous().post("/api/auth/sms-code", { mobile }, { "cf-connecting-ip": ip });
const signIn = (mobile: string, code: string, language = "en") => anonymous().withLanguage(language).post("/api/auth/sms-code/verify", { mobile, code });

/** The codes Kavenegar was asked to send to the mobile, once as many as expected have gone (they go after the answer). */
async function codesSentTo(mobile: string, expected: number) {
  const codes = () =>
    calls
      .filter((call) => call.url.startsWith("https://api.kavenegar.com/"))
      .map((call) => new URLSearchParams(call.body))
      .filter((form) => form.get("receptor") === mobile)
      .map((form) => /\d{6}/.exec(form.get("message")!)![0]);
  await expect.poll(() => codes().length).toBe(expected);
  return codes();
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("the workspace setting", () => {
  it("is the owner's alone, needs an SMS provider, and is audited", async () => {
    const { owner, workspaceId } = await signUp();
    const admin = await addMember(workspaceId, "admin");
    const noProvider = await owner.withLanguage("fa").patch("/api/settings", { smsSignIn: true });
    expect(noProvider.status).toBe(409);
    expect(noProvider.body.errors[0]).toMatchObject({ path: "body.smsSignIn", code: "sms_sign_in_needs_provider" });
    expect(noProvider.body.detail).toContain("پیامک");
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY });
    const byAdmin = await admin.patch("/api/settings", { smsSignIn: true });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.code).toBe("sms_sign_in_owner_only");
    expect((await owner.get("/api/settings")).body.smsSignIn).toBe(false);

    const on = await owner.patch("/api/settings", { smsSignIn: true });
    expect(on.status).toBe(200);
    expect(on.body.smsSignIn).toBe(true);
    const audit = await env.DB.prepare("SELECT details FROM audit_log WHERE workspace_id = ? AND action = 'settings.updated'").bind(workspaceId).first<{ details: string }>();
    expect(JSON.parse(audit!.details)).toEqual({ before: { smsSignIn: false }, after: { smsSignIn: true } });
    expect((await anonymous().get("/api/auth/options")).body.smsSignIn).toBe(true);
  });
});

describe("a staff member's own mobile", () => {
  it("is normalized like a customer's, refused at its field when it is no mobile, and kept to one person", async () => {
    const { owner, workspaceId } = await signUp();
    const saved = await owner.patch("/api/auth/me", { mobile: "۰۹۱۲ ۳۴۵ ۶۷۸۹" });
    expect(saved.status).toBe(200);
    expect(saved.body.user.mobile).toBe("+989123456789");
    const invalid = await owner.withLanguage("fa").patch("/api/auth/me", { mobile: "12345" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0]).toMatchObject({ path: "body.mobile", code: "invalid_mobile" });
    const colleague = await addMember(workspaceId, "agent");
    const taken = await colleague.patch("/api/auth/me", { mobile: "+98 912 345 6789" });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0]).toMatchObject({ path: "body.mobile", code: "mobile_taken" });
    expect((await owner.patch("/api/auth/me", { mobile: null })).body.user.mobile).toBeNull();
    // A mobile signs in: an API key may not set one (as it may not change the password).
    const key = await owner.post("/api/api-keys", { name: "script", scopes: ["customers:read"] });
    const byKey = await new ApiClient({ authorization: `Bearer ${key.body.key}` }).patch("/api/auth/me", { mobile: "09350000000" });
    expect(byKey.status).toBe(403);
    const changes = await env.DB.prepare("SELECT details FROM audit_log WHERE workspace_id = ? AND action = 'user.mobile_changed' ORDER BY id").bind(workspaceId).all<{ details: string }>();
    expect(changes.results.map((row) => JSON.parse(row.details))).toEqual([
      { before: null, after: "0912*****89" },
      { before: "0912*****89", after: null },
    ]);
  });
});

describe("signing in with an SMS code", () => {
  it("sends a 6-digit code through the provider and signs in once with it", async () => {
    const { agent, mobile } = await workspaceWithSmsSignIn();
    const asked = await askForCode(mobile);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ accepted: true });
    const [code] = await codesSentTo(mobile, 1);
    const signedIn = await signIn(mobile, code!);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.id).toBe(agent.identity.userId);
    const session = new ApiClient({ cookie: signedIn.headers.get("set-cookie")!.split(";")[0]! });
    expect((await session.get("/api/auth/me")).body.user.mobile).toBe(canonical(mobile));
    expect((await signIn(mobile, code!)).status).toBe(410);
    const stored = await env.DB.prepare("SELECT code_hash FROM sign_in_codes WHERE mobile = ?").bind(canonical(mobile)).first<{ code_hash: string }>();
    expect(stored!.code_hash).not.toContain(code!);
    expect(stored!.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses the 6th try even with the right code, clearly in both languages", async () => {
    const { mobile } = await workspaceWithSmsSignIn();
    await askForCode(mobile);
    const [code] = await codesSentTo(mobile, 1);
    for (let i = 0; i < 5; i++) {
      const wrong = await signIn(mobile, wrongCode(code!), "fa");
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0]).toMatchObject({ path: "body.code", code: "sign_in_code_wrong", message: "این کد درست نیست." });
    }
    const sixth = await signIn(mobile, code!);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("content-type")).toContain("application/problem+json");
    expect(sixth.body).toMatchObject({ code: "sign_in_code_attempts", detail: "Too many wrong tries for this code. Ask for a new code." });
    expect((await signIn(mobile, code!, "fa")).body.detail).toBe("برای این کد بیش از حد اشتباه وارد شد. کد تازه‌ای بخواهید.");
  });

  it("refuses a code after 5 minutes", async () => {
    const { mobile } = await workspaceWithSmsSignIn();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    await askForCode(mobile);
    const [code] = await codesSentTo(mobile, 1);
    vi.setSystemTime(Date.now() + 5 * 60 * 1000 + 1000);
    const late = await signIn(mobile, code!, "fa");
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ code: "sign_in_code_expired", detail: "این کد منقضی شده یا کد تازه‌تری جای آن را گرفته است. کد تازه‌ای بخواهید." });
  });

  it("lets a code be asked again only after a minute, which ends the earlier code, and 5 times an hour", async () => {
    const { mobile } = await workspaceWithSmsSignIn();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    expect((await askForCode(mobile)).status).toBe(202);
    const tooSoon = await askForCode(mobile);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.code).toBe("sign_in_code_limited");
    for (let i = 1; i < SMS_CODE_MOBILE_BUDGET.limit; i++) {
      vi.setSystemTime(Date.now() + 61 * 1000);
      expect((await askForCode(mobile)).status).toBe(202);
    }
    const codes = await codesSentTo(mobile, SMS_CODE_MOBILE_BUDGET.limit);
    vi.setSystemTime(Date.now() + 61 * 1000);
    expect((await askForCode(mobile)).status).toBe(429);
    // Only the newest code works; an earlier one (if it differs) is simply not it.
    const [newest, earlier] = [codes.at(-1)!, codes.at(-2)!];
    if (earlier !== newest) expect((await signIn(mobile, earlier)).status).toBe(400);
    expect((await signIn(mobile, newest)).status).toBe(200);
  });

  it("limits codes per network address, whatever the mobiles", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await askForCode(freshMobile(), ip)).status);
    expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it("answers a mobile that is no one's exactly as a real one, down to the attempt limit, and sends nothing", async () => {
    const { mobile } = await workspaceWithSmsSignIn();
    const nobody = freshMobile();
    const real = await askForCode(mobile);
    const unknown = await askForCode(nobody);
    expect([unknown.status, unknown.text]).toEqual([real.status, real.text]);
    const [code] = await codesSentTo(mobile, 1);
    const answers = async (who: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const answer = await signIn(who, wrongCode(code!));
        seen.push(`${answer.status} ${answer.body.code}`);
      }
      return seen;
    };
    expect(await answers(nobody)).toEqual(await answers(mobile));
    expect(calls.filter((call) => new URLSearchParams(call.body).get("receptor") === nobody)).toHaveLength(0);
  });

  it("sends nothing and signs nobody in where the workspace has not turned it on, or turned it off since", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.request("PUT", "/api/messaging/providers/sms", { kind: "kavenegar", apiKey: API_KEY });
    const agent = await addMember(workspaceId, "agent");
    const mobile = freshMobile();
    await agent.patch("/api/auth/me", { mobile });
    expect((await askForCode(mobile)).status).toBe(202);
    expect((await signIn(mobile, "123456")).status).toBe(400);
    expect(calls.filter((call) => new URLSearchParams(call.body).get("receptor") === mobile)).toHaveLength(0);

    await owner.patch("/api/settings", { smsSignIn: true });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61 * 1000 });
    await askForCode(mobile);
    const [code] = await codesSentTo(mobile, 1);
    await owner.patch("/api/settings", { smsSignIn: false });
    const refused = await signIn(mobile, code!);
    expect(refused.status).toBe(410);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });
});
