// Login throttling: failed sign-ins are counted per account and per address in a 15-minute window;
// too many lock further attempts for a while, so passwords cannot be guessed at speed.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "../data/database";
import { loginAttempts } from "../data/schema";
import { Problem } from "../http/problem";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LOCK_MS = 15 * 60 * 1000;
/** Failures within the window that lock an account (one e-mail, from anywhere). */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures within the window that lock an address (whatever e-mails it tries). */
export const IP_FAILURE_LIMIT = 30;

interface ThrottleKey {
  key: string;
  limit: number;
}

/** The counters one attempt touches. Unknown e-mails are counted too, so a lock reveals nothing. */
export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys = [{ key: `account:${email}`, limit: ACCOUNT_FAILURE_LIMIT }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: IP_FAILURE_LIMIT });
  return keys;
}

/** The latest time any of the keys stays locked until, or null when none is locked. */
export async function lockedUntil(directory: Database, keys: ThrottleKey[], time: number): Promise<number | null> {
  const rows = await directory
    .select({ lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys.map((k) => k.key)), gt(loginAttempts.lockedUntil, time)))
    .all();
  const until = rows.map((row) => row.lockedUntil ?? 0);
  return until.length ? Math.max(...until) : null;
}

/**
 * Counts one failure on every key, atomically (concurrent guesses cannot slip between a read and
 * a write). Returns the lock it caused, if any. In the upsert, column names mean the stored row.
 */
export async function recordLoginFailure(directory: Database, keys: ThrottleKey[], time: number): Promise<number | null> {
  const windowExpired = sql`${loginAttempts.windowStartedAt} <= ${time - LOGIN_WINDOW_MS}`;
  const nextFailures = sql`(CASE WHEN ${windowExpired} THEN 1 ELSE ${loginAttempts.failures} + 1 END)`;
  const statements = keys.map(({ key, limit }) =>
    directory
      .insert(loginAttempts)
      .values({ key, failures: 1, windowStartedAt: time, lockedUntil: limit <= 1 ? time + LOGIN_LOCK_MS : null })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          failures: nextFailures,
          windowStartedAt: sql`(CASE WHEN ${windowExpired} THEN ${time} ELSE ${loginAttempts.windowStartedAt} END)`,
          lockedUntil: sql`(CASE WHEN ${nextFailures} >= ${limit} THEN ${time + LOGIN_LOCK_MS} ELSE ${loginAttempts.lockedUntil} END)`,
        },
      })
      .returning({ lockedUntil: loginAttempts.lockedUntil }),
  );
  const [first, ...rest] = statements;
  if (!first) return null;
  const results = await directory.batch([first, ...rest]);
  const locks = results.flat().map((row) => row.lockedUntil ?? 0).filter((until) => until > time);
  return locks.length ? Math.max(...locks) : null;
}

/** A successful sign-in forgets the account's failures (not the address's). */
export async function clearAccountFailures(directory: Database, email: string): Promise<void> {
  await directory.delete(loginAttempts).where(eq(loginAttempts.key, `account:${email}`));
}

/** The 429 a locked attempt gets: when to come back, in the header and in words. */
export function loginLockedProblem(until: number, time: number): Problem {
  const seconds = Math.max(1, Math.ceil((until - time) / 1000));
  return new Problem(429, "login_locked", {
    params: { minutes: Math.ceil(seconds / 60) },
    headers: { "retry-after": String(seconds) },
  });
}
