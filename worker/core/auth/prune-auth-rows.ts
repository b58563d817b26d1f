// Forgets what sign-in no longer needs: failure counters whose window and lock are long over, and
// sessions past their expiry or revoked a while ago. Run hourly by the cron, so the directory
// tables stay as small as the active users make them.
import { and, isNotNull, isNull, lt, or } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { loginAttempts, sessions } from "../data/schema";
import { LOGIN_LOCK_MS, LOGIN_WINDOW_MS } from "./login-throttle";

/** Revoked sessions are kept this long, so "signed out everywhere" stays visible for a day. */
const REVOKED_SESSION_KEEP_MS = 24 * 60 * 60 * 1000;

export async function pruneAuthRows(env: Env, time: number): Promise<{ loginAttempts: number; sessions: number }> {
  const directory = openDirectory(env);
  const staleSince = time - LOGIN_WINDOW_MS - LOGIN_LOCK_MS;
  const [attempts, ended] = await directory.batch([
    directory.delete(loginAttempts).where(and(lt(loginAttempts.windowStartedAt, staleSince), or(lt(loginAttempts.lockedUntil, time), isNull(loginAttempts.lockedUntil)))),
    directory.delete(sessions).where(or(lt(sessions.expiresAt, time), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, time - REVOKED_SESSION_KEEP_MS)))),
  ]);
  return { loginAttempts: attempts.meta.changes ?? 0, sessions: ended.meta.changes ?? 0 };
}

/** Once an hour, on the minute cron's first tick of the hour. */
export const isPruneTick = (time: number) => new Date(time).getUTCMinutes() === 0;
