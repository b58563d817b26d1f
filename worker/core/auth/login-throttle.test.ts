import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { anonymous, signUp } from "../../../test/support/client";
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT } from "./login-throttle";

let ipCounter = 0;
/** A fresh address per test, so tests in this file never lock each other out. */
const freshIp = () => `203.0.113.${++ipCounter}`;

const login = (email: string, password: string, ip: string, language = "en") =>
  anonymous().withLanguage(language).post("/api/auth/login", { email, password }, { "cf-connecting-ip": ip });

async function failTimes(email: string, times: number, ip: string) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await login(email, "a wrong password", ip)).status);
  return statuses;
}

describe("login throttling", () => {
  it("locks an account after 5 failures, refusing even the right password, with Retry-After", async () => {
    const { email, password } = await signUp();
    const ip = freshIp();
    const statuses = await failTimes(email, ACCOUNT_FAILURE_LIMIT, ip);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    const locked = await login(email, password, freshIp());
    expect(locked.status).toBe(429);
    expect(locked.headers.get("content-type")).toContain("application/problem+json");
    expect(locked.body.code).toBe("login_locked");
    expect(locked.body.detail).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers.get("set-cookie")).toBeNull();
  });

  it("says so in Persian", async () => {
    const { email } = await signUp();
    await failTimes(email, ACCOUNT_FAILURE_LIMIT, freshIp());
    const locked = await login(email, "a wrong password", freshIp(), "fa");
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toBe("تلاش‌های ناموفق زیادی انجام شد. 15 دقیقهٔ دیگر دوباره تلاش کنید.");
  });

  it("locks an unknown e-mail the same way, so a lock reveals nothing about accounts", async () => {
    const statuses = await failTimes(`ghost-${Date.now()}@example.com`, ACCOUNT_FAILURE_LIMIT + 1, freshIp());
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it("lets the account in again once the lock has run out", async () => {
    const { email, password } = await signUp();
    await failTimes(email, ACCOUNT_FAILURE_LIMIT, freshIp());
    expect((await login(email, password, freshIp())).status).toBe(429);
    // Time passes: the lock and its window lie in the past.
    const past = Date.now() - 16 * 60 * 1000;
    await env.DB.prepare("UPDATE login_attempts SET locked_until = ?, window_started_at = ? WHERE key = ?")
      .bind(past, past - 60_000, `account:${email}`)
      .run();
    expect((await login(email, password, freshIp())).status).toBe(200);
  });

  it("forgets the account's failures after a successful sign-in", async () => {
    const { email, password } = await signUp();
    const ip = freshIp();
    expect(await failTimes(email, ACCOUNT_FAILURE_LIMIT - 1, ip)).toEqual([401, 401, 401, 401]);
    expect((await login(email, password, ip)).status).toBe(200);
    const row = await env.DB.prepare("SELECT * FROM login_attempts WHERE key = ?").bind(`account:${email}`).first();
    expect(row).toBeNull();
    // Had the earlier failures been kept, the next ones would lock the account.
    expect(await failTimes(email, ACCOUNT_FAILURE_LIMIT - 1, ip)).toEqual([401, 401, 401, 401]);
    expect((await login(email, password, ip)).status).toBe(200);
  });

  it("starts counting afresh when the 15-minute window has passed", async () => {
    const { email, password } = await signUp();
    const ip = freshIp();
    await failTimes(email, ACCOUNT_FAILURE_LIMIT - 1, ip);
    await env.DB.prepare("UPDATE login_attempts SET window_started_at = ? WHERE key = ?")
      .bind(Date.now() - 16 * 60 * 1000, `account:${email}`)
      .run();
    expect(await failTimes(email, ACCOUNT_FAILURE_LIMIT - 1, ip)).toEqual([401, 401, 401, 401]);
    expect((await login(email, password, ip)).status).toBe(200);
  });

  it("locks an address after 30 failures across many e-mails, but not other addresses", async () => {
    const { email, password } = await signUp();
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      statuses.push((await login(`guess-${i}-${Date.now()}@example.com`, "a wrong password", ip)).status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // The real owner, from the locked address: refused; from elsewhere: welcome.
    expect((await login(email, password, ip)).status).toBe(429);
    expect((await login(email, password, freshIp())).status).toBe(200);
  });
});
