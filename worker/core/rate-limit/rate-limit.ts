// The rate limiter: a budget of attempts per actor (a user, an API key, an address) in a fixed
// window, counted in the directory database. One UPSERT ... RETURNING counts an attempt and says
// whether it may go on, so concurrent attempts cannot slip between a read and a write.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { Database } from "../data/database";
import { rateLimits } from "../data/schema";
import { Problem } from "../http/problem";
import type { MessageCode } from "../i18n/messages";

export interface Budget {
  /** Names the budget in counter keys ("login", "signup", "identifier-probe"). */
  name: string;
  /** Attempts that go through per window; the limit-th attempt is the last before a wait. */
  limit: number;
  windowMs: number;
  /**
   * Progressive delay instead of a hard stop: from the limit-th attempt on, each attempt that
   * goes through makes the next one wait baseMs, then twice as long, up to maxMs. Without it the
   * budget is spent until the window ends.
   */
  backoff?: { baseMs: number; maxMs: number };
}

export interface Verdict {
  allowed: boolean;
  /** Attempts counted in the current window. */
  hits: number;
  /** How long to wait before the next attempt can go through (0 while under the limit). */
  retryAfterMs: number;
}

const keyOf = (budget: Budget, actor: string) => `${budget.name}:${actor}`;

/**
 * The statement that counts one attempt, for callers that batch several budgets in one round
 * trip. Inside the upsert, bare column names are the stored row: an attempt during a wait is
 * refused and not counted; otherwise it is counted, in a new window when the old one is over.
 */
export function spendStatement(db: Database, budget: Budget, actor: string, time: number) {
  const { limit, windowMs, backoff } = budget;
  const held = sql`coalesce(${rateLimits.blockedUntil}, 0) > ${time}`;
  const fresh = sql`${rateLimits.windowStartedAt} <= ${time - windowMs}`;
  const hits = sql`(CASE WHEN ${held} THEN ${rateLimits.hits} WHEN ${fresh} THEN 1 ELSE ${rateLimits.hits} + 1 END)`;
  const windowStart = sql`(CASE WHEN ${held} OR NOT ${fresh} THEN ${rateLimits.windowStartedAt} ELSE ${time} END)`;
  const waitAfter = (count: SQL, start: SQL) =>
    backoff
      ? sql`(${time} + min(${backoff.maxMs}, ${backoff.baseMs} * (1 << min(${count} - ${limit}, 30))))`
      : sql`(${start} + ${windowMs})`;
  const blockedUntil = sql`(CASE WHEN ${held} THEN ${rateLimits.blockedUntil} WHEN ${hits} >= ${limit} THEN ${waitAfter(hits, windowStart)} ELSE NULL END)`;
  const firstBlock = limit <= 1 ? (backoff ? time + backoff.baseMs : time + windowMs) : null;
  return db
    .insert(rateLimits)
    .values({
      key: keyOf(budget, actor),
      windowStartedAt: time,
      hits: 1,
      blockedUntil: firstBlock,
      lastAllowed: true,
      expiresAt: Math.max(time + windowMs, firstBlock ?? 0),
    })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits,
        windowStartedAt: windowStart,
        blockedUntil,
        lastAllowed: sql`(CASE WHEN ${held} THEN 0 ELSE 1 END)`,
        expiresAt: sql`max(${windowStart} + ${windowMs}, coalesce(${blockedUntil}, 0))`,
      },
    })
    .returning({ hits: rateLimits.hits, blockedUntil: rateLimits.blockedUntil, lastAllowed: rateLimits.lastAllowed });
}

/** What a spendStatement's returned row means for the attempt. */
export function verdictOf(rows: Array<{ hits: number; blockedUntil: number | null; lastAllowed: boolean }>, time: number): Verdict {
  const row = rows[0];
  if (!row) return { allowed: true, hits: 0, retryAfterMs: 0 };
  return { allowed: Boolean(row.lastAllowed), hits: row.hits, retryAfterMs: Math.max(0, (row.blockedUntil ?? 0) - time) };
}

/** Counts one attempt against the actor's budget and says whether it may go on. */
export async function spend(db: Database, budget: Budget, actor: string, time: number): Promise<Verdict> {
  return verdictOf(await spendStatement(db, budget, actor, time), time);
}

/**
 * Counts one attempt against each (budget, actor) in one round trip; the refusal, if any, is the
 * longest wait among them. An actor of null (no address known) is not counted.
 */
export async function spendAll(db: Database, charges: ReadonlyArray<readonly [Budget, string | null]>, time: number): Promise<Verdict> {
  const statements = charges.flatMap(([budget, actor]) => (actor === null ? [] : [spendStatement(db, budget, actor, time)]));
  if (statements.length === 0) return { allowed: true, hits: 0, retryAfterMs: 0 };
  const results = statements.length === 1 ? [await statements[0]!] : await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  const verdicts = results.map((rows) => verdictOf(rows, time));
  const refused = verdicts.filter((verdict) => !verdict.allowed).sort((a, b) => b.retryAfterMs - a.retryAfterMs);
  return refused[0] ?? verdicts[0]!;
}

/**
 * Whether the actor may try now, without counting: for attempts that are counted only once their
 * outcome is known. Concurrent attempts can each pass the check, so the count may end a few over.
 */
export async function peek(db: Database, budget: Budget, actor: string, time: number): Promise<Verdict> {
  const row = await db
    .select({ hits: rateLimits.hits, blockedUntil: rateLimits.blockedUntil })
    .from(rateLimits)
    .where(eq(rateLimits.key, keyOf(budget, actor)))
    .get();
  const waitMs = Math.max(0, (row?.blockedUntil ?? 0) - time);
  return { allowed: waitMs === 0, hits: row?.hits ?? 0, retryAfterMs: waitMs };
}

/** Gives back an attempt that turned out harmless (a right password): it no longer counts. */
export function refundStatement(db: Database, budget: Budget, actor: string) {
  return db
    .update(rateLimits)
    .set({ hits: sql`max(${rateLimits.hits} - 1, 0)`, blockedUntil: sql`(CASE WHEN ${rateLimits.hits} - 1 < ${budget.limit} THEN NULL ELSE ${rateLimits.blockedUntil} END)` })
    .where(eq(rateLimits.key, keyOf(budget, actor)));
}

/** Forgets the actor's count altogether (a successful sign-in from where the failures came). */
export function forgetStatement(db: Database, budget: Budget, actor: string) {
  return db.delete(rateLimits).where(eq(rateLimits.key, keyOf(budget, actor)));
}

/**
 * The address per-address budgets count: Cloudflare's CF-Connecting-IP. None for loopback: under
 * `wrangler dev` every visitor arrives from 127.0.0.1, and one budget for all of them would let
 * one visitor's failures hold up everyone's.
 */
export function budgetAddress(c: Context): string | null {
  const ip = c.req.header("cf-connecting-ip")?.trim();
  if (!ip || ip === "::1" || ip.startsWith("127.") || ip.startsWith("::ffff:127.")) return null;
  return ip;
}

/** How long a wait reads in each language: "45 seconds", "15 minutes". */
export function waitWords(ms: number): { en: string; fa: string } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return { en: `${seconds} seconds`, fa: `${seconds} ثانیهٔ` };
  const minutes = Math.ceil(seconds / 60);
  return { en: `${minutes} minutes`, fa: `${minutes} دقیقهٔ` };
}

/** The 429 a refused attempt gets: when to come back, in the Retry-After header and in words. */
export function tooManyAttempts(code: MessageCode, verdict: Verdict): Problem {
  return new Problem(429, code, {
    params: { wait: waitWords(verdict.retryAfterMs) },
    headers: { "retry-after": String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))) },
  });
}
