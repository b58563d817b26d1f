import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { anonymous, signUp } from "../../../test/support/client";
import { ACCOUNT_ADDRESS_BUDGET } from "./login-throttle";
import { isPruneTick, pruneAuthRows } from "./prune-auth-rows";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const keys = async () => (await env.DB.prepare("select key from rate_limits order by key").all<{ key: string }>()).results.map((row) => row.key);

describe("pruning sign-in rows", () => {
  it("forgets rate-limit counters whose window and wait are over, keeping live ones", async () => {
    const now = Date.parse("2026-11-26T10:00:00Z");
    const insert = env.DB.prepare("insert into rate_limits (key, window_started_at, hits, blocked_until, last_allowed, expires_at) values (?, ?, ?, ?, 1, ?)");
    await env.DB.batch([
      insert.bind("login:old@example.com|198.51.100.1", now - 2 * DAY, 3, null, now - DAY),
      insert.bind("login-ip:198.51.100.1", now - 2 * HOUR, 100, now - HOUR, now - HOUR),
      insert.bind("identifier-probe:user:usr_recent", now - 60_000, 2, null, now + HOUR),
      insert.bind("login:locked@example.com|198.51.100.2", now - 2 * HOUR, 9, now + HOUR, now + HOUR),
    ]);
    const pruned = await pruneAuthRows(env, now);
    expect(pruned.rateLimits).toBe(2);
    expect(await keys()).toEqual(["identifier-probe:user:usr_recent", "login:locked@example.com|198.51.100.2"]);
  });

  it("keeps a counter for as long as its window or its wait lasts", async () => {
    const { email } = await signUp();
    const time = Date.now();
    for (let i = 0; i < 6; i++) await anonymous().post("/api/auth/login", { email, password: "a wrong password" }, { "cf-connecting-ip": "198.51.100.77" });
    const row = await env.DB.prepare("select expires_at, blocked_until from rate_limits where key = ?").bind(`login:${email}|198.51.100.77`).first<{ expires_at: number; blocked_until: number }>();
    expect(row!.expires_at).toBeGreaterThanOrEqual(time + ACCOUNT_ADDRESS_BUDGET.windowMs);
    await pruneAuthRows(env, time + ACCOUNT_ADDRESS_BUDGET.windowMs - 60_000);
    expect(await keys()).toContain(`login:${email}|198.51.100.77`);
    await pruneAuthRows(env, row!.expires_at + 1);
    expect(await keys()).not.toContain(`login:${email}|198.51.100.77`);
  });

  it("removes expired sessions and keeps the ones in use", async () => {
    const live = await signUp();
    const ended = await signUp();
    await env.DB.prepare("update sessions set expires_at = ? where user_id = ?").bind(Date.now() - 1000, ended.me.user.id).run();
    await pruneAuthRows(env, Date.now());
    const remaining = await env.DB.prepare("select user_id from sessions where user_id in (?, ?)").bind(live.me.user.id, ended.me.user.id).all<{ user_id: string }>();
    expect(remaining.results.map((row) => row.user_id)).toEqual([live.me.user.id]);
    expect((await live.owner.get("/api/auth/me")).status).toBe(200);
  });

  it("runs on the first minute of each hour", () => {
    expect(isPruneTick(Date.parse("2026-11-26T10:00:00Z"))).toBe(true);
    expect(isPruneTick(Date.parse("2026-11-26T10:01:00Z"))).toBe(false);
  });
});
