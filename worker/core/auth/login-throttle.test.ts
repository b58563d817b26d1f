import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { anonymous, signUp } from "../../../test/support/client";
import { ACCOUNT_ADDRESS_BUDGET, ADDRESS_BUDGET } from "./login-throttle";

let ipCounter = 0;
/** A fresh address per use, so tests in this file never hold each other up. */
const freshIp = () => `203.0.113.${++ipCounter}`;
const FREE_FAILURES = ACCOUNT_ADDRESS_BUDGET.limit;

const login = (email: string, password: string, ip: string, language = "en") =>
  anonymous().withLanguage(language).post("/api/auth/login", { email, password }, { "cf-connecting-ip": ip });

async function failTimes(email: string, times: number, ip: string) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await login(email, "a wrong password", ip)).status);
  return statuses;
}

/** Time passes for one (account, address) pair: its current wait is over. */
const endWait = (email: string, ip: string) =>
  env.DB.prepare("update rate_limits set blocked_until = ? where key = ?").bind(Date.now() - 1, `login:${email}|${ip}`).run();

describe("login throttling", () => {
  it("after 5 failures from an address, makes the next try wait 30 seconds and refuses it unchecked, the right password included", async () => {
    const { email, password } = await signUp();
    const ip = freshIp();
    expect(await failTimes(email, FREE_FAILURES, ip)).toEqual([401, 401, 401, 401, 401]);

    const waiting = await login(email, password, ip);
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get("content-type")).toContain("application/problem+json");
    expect(waiting.body.code).toBe("login_locked");
    expect(waiting.body.detail).toBe("Too many failed sign-in attempts. Try again in 30 seconds.");
    const retryAfter = Number(waiting.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(20);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(waiting.headers.get("set-cookie")).toBeNull();

    const persian = await login(email, password, ip, "fa");
    expect(persian.body.detail).toBe("تلاش‌های ناموفق زیادی انجام شد. 30 ثانیهٔ دیگر دوباره تلاش کنید.");
  });

  it("doubles the wait after each further failure, up to 15 minutes, and lets the right password in once a wait is over", async () => {
    const { email, password } = await signUp();
    const ip = freshIp();
    await failTimes(email, FREE_FAILURES, ip);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      await endWait(email, ip);
      expect((await login(email, "a wrong password", ip)).status).toBe(401);
      waits.push(Number((await login(email, "a wrong password", ip)).headers.get("retry-after")));
    }
    const minutes = waits.map((seconds) => Math.round(seconds / 60));
    expect(minutes).toEqual([1, 2, 4, 8, 15, 15, 15]);
    await endWait(email, ip);
    expect((await login(email, password, ip)).status).toBe(200);
  });

  it("never holds up the right password from another address, however many failures an attacker makes", async () => {
    const { email, password } = await signUp();
    const attacker = freshIp();
    const statuses = await failTimes(email, 20, attacker);
    expect(statuses.slice(0, FREE_FAILURES).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(FREE_FAILURES).every((status) => status === 429)).toBe(true);
    expect((await login(email, password, freshIp())).status).toBe(200);
  });

  it("counts attempts before the password is checked, so parallel guesses beyond the free ones are refused", async () => {
    const { email } = await signUp();
    const ip = freshIp();
    const responses = await Promise.all(Array.from({ length: 20 }, () => login(email, "a wrong password", ip)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - FREE_FAILURES);
  });

  it("treats an unknown e-mail the same way, so a wait reveals nothing about accounts", async () => {
    const statuses = await failTimes(`ghost-${Date.now()}@example.com`, FREE_FAILURES + 2, freshIp());
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("forgets the failures of an account and address after a successful sign-in", async () => {
    const { email, password } = await signUp();
    const ip = freshIp();
    expect(await failTimes(email, FREE_FAILURES - 1, ip)).toEqual([401, 401, 401, 401]);
    expect((await login(email, password, ip)).status).toBe(200);
    // Had the earlier failures been kept, the next ones would bring a wait.
    expect(await failTimes(email, FREE_FAILURES - 1, ip)).toEqual([401, 401, 401, 401]);
    expect((await login(email, password, ip)).status).toBe(200);
  });

  it("lets colleagues behind one office address in after 30 failures across their accounts", async () => {
    const office = freshIp();
    const colleague = await signUp();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(`typo-${i}-${Date.now()}@example.com`, "a wrong password", office)).status);
    expect(statuses.every((status) => status === 401)).toBe(true);
    expect((await login(colleague.email, colleague.password, office)).status).toBe(200);
  });

  it("refuses an address at 100 failures in 15 minutes, not other addresses, and a right password does not count", async () => {
    const { email, password } = await signUp();
    const ip = freshIp();
    // The address has 98 failures on record in this window (made quickly here; the count is what matters).
    await env.DB.prepare("insert into rate_limits (key, window_started_at, hits, blocked_until, last_allowed, expires_at) values (?, ?, ?, null, 1, ?)")
      .bind(`login-ip:${ip}`, Date.now(), ADDRESS_BUDGET.limit - 2, Date.now() + ADDRESS_BUDGET.windowMs)
      .run();
    expect((await login(email, password, ip)).status).toBe(200);
    expect((await login(`last-${Date.now()}@example.com`, "a wrong password", ip)).status).toBe(401);
    expect((await login(`last-${Date.now()}@example.com`, "a wrong password", ip)).status).toBe(401);
    const refused = await login(email, password, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect((await login(email, password, freshIp())).status).toBe(200);
  });
});
