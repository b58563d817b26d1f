// The rate limit of plugins' public pages: no session, so no per-user budget; instead a budget per
// visitor address and one per page (its URL names the token), counted by the core's limiter.
import { openDirectory } from "../data/database";
import { spend, type Budget } from "../rate-limit/rate-limit";

/** Per address: a person filling in a survey or looking at a balance never comes near it. */
export const PER_IP: Budget = { name: "public-page-ip", limit: 60, windowMs: 60_000 };
/** Per page: one link cannot be hammered from many addresses. */
export const PER_PAGE: Budget = { name: "public-page", limit: 30, windowMs: 60_000 };

/**
 * Counts one request against `actor` and says whether it is within `budget` (true) or over it
 * (false), with the seconds until it may come back, for a Retry-After.
 */
export async function allowPublicRequest(env: Env, actor: string, budget: Budget, at: number): Promise<{ allowed: boolean; retryAfter: number }> {
  const verdict = await spend(openDirectory(env), budget, actor, at);
  return { allowed: verdict.allowed, retryAfter: Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)) };
}
