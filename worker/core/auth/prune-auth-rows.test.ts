import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";
import { LOGIN_LOCK_MS, LOGIN_WINDOW_MS } from "./login-throttle";
import { isPruneTick, pruneAuthRows } from "./prune-auth-rows";

const HOUR = 60 * 60 * 1000;
const keys = async () => (await env.DB.prepare("select key from login_attempts order by key").all<{ key: string }>()).results.map((row) => row.key);

describe("pruning sign-in rows", () => {
  it("forgets failure counters whose window and lock are over, keeping live ones", async () => {
    const now = Date.parse("2026-11-26T10:00:00Z");
    const insert = env.DB.prepare("insert into login_attempts (key, failures, window_started_at, locked_until) values (?, ?, ?, ?)");
    await env.DB.batch([
      insert.bind("account:old@example.com", 3, now - LOGIN_WINDOW_MS - LOGIN_LOCK_MS - 1, null),
      insert.bind("ip:198.51.100.1", 30, now - 2 * HOUR, now - HOUR),
      insert.bind("account:recent@example.com", 2, now - 60_000, null),
      insert.bind("account:locked@example.com", 5, now - 2 * HOUR, now + HOUR),
    ]);
    const pruned = await pruneAuthRows(env, now);
    expect(pruned.loginAttempts).toBe(2);
    expect(await keys()).toEqual(["account:locked@example.com", "account:recent@example.com"]);
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
