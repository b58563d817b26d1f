// Forgets what sign-in no longer needs: rate-limit counters whose window and wait are over,
// sessions past their expiry or revoked a while ago, and sign-in codes past theirs. Run hourly by
// the cron, so the directory tables stay as small as the active users make them.
import { and, isNotNull, lt, or } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { rateLimits, sessions, signInCodes } from "../data/schema";

/** Revoked sessions are kept this long, so "signed out everywhere" stays visible for a day. */
const REVOKED_SESSION_KEEP_MS = 24 * 60 * 60 * 1000;

export async function pruneAuthRows(env: Env, time: number): Promise<{ rateLimits: number; sessions: number; signInCodes: number }> {
  const directory = openDirectory(env);
  const [counters, ended, codes] = await directory.batch([
    directory.delete(rateLimits).where(lt(rateLimits.expiresAt, time)),
    directory.delete(sessions).where(or(lt(sessions.expiresAt, time), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, time - REVOKED_SESSION_KEEP_MS)))),
    directory.delete(signInCodes).where(lt(signInCodes.expiresAt, time)),
  ]);
  return { rateLimits: counters.meta.changes ?? 0, sessions: ended.meta.changes ?? 0, signInCodes: codes.meta.changes ?? 0 };
}

/** Once an hour, on the minute cron's first tick of the hour. */
export const isPruneTick = (time: number) => new Date(time).getUTCMinutes() === 0;
