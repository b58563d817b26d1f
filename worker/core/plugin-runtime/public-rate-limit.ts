// The rate limit of plugins' public pages (no session, so no per-user budget): a fixed-window
// counter per key in D1, one statement per check. Self-contained on purpose: `allowPublicRequest`
// is the one function callers use, so a general limiter can replace it later.
import { lt, sql } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { publicRequestCounts } from "./plugins.schema";

export interface PublicRateLimit {
  /** Requests allowed per key in one window. */
  limit: number;
  windowMs: number;
}

/** Per IP: a person filling in a survey or looking at a balance never comes near it. */
export const PER_IP: PublicRateLimit = { limit: 60, windowMs: 60_000 };
/** Per page (its URL names the token): one link cannot be hammered from many addresses. */
export const PER_TOKEN: PublicRateLimit = { limit: 30, windowMs: 60_000 };

/**
 * Counts one request against `key` and says whether it is within `rule` (true) or over it
 * (false), with the seconds until the window ends for a Retry-After.
 */
export async function allowPublicRequest(env: Env, key: string, rule: PublicRateLimit, at: number): Promise<{ allowed: boolean; retryAfter: number }> {
  const windowStart = at - (at % rule.windowMs);
  const db = openDirectory(env);
  const row = await db
    .insert(publicRequestCounts)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: publicRequestCounts.key,
      set: {
        count: sql`case when ${publicRequestCounts.windowStart} = excluded.window_start then ${publicRequestCounts.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: publicRequestCounts.count })
    .get();
  // Now and then, forget keys whose window ended long ago, so the table stays small.
  if (Math.random() < 0.01) await db.delete(publicRequestCounts).where(lt(publicRequestCounts.windowStart, windowStart - 60 * rule.windowMs));
  return { allowed: (row?.count ?? 1) <= rule.limit, retryAfter: Math.ceil((windowStart + rule.windowMs - at) / 1000) };
}
