// One-time sign-in codes: six random digits, stored only as a hash, good for 5 minutes and 5
// tries; a new code for a mobile ends the one before. A mobile that is no one's (or whose
// workspace does not allow SMS sign-in) gets a row too, with a code nobody is sent, so every
// answer after the request is the same as for a real one.
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../data/database";
import { newId } from "../data/ids";
import { signInCodes, users, workspaces } from "../data/schema";
import { sha256Hex, timingSafeEqual } from "./tokens";

export const SIGN_IN_CODE_TTL_MS = 5 * 60 * 1000;
export const SIGN_IN_CODE_TRIES = 5;

/** Six digits, uniform: 32-bit values past the last whole million are drawn again. */
export function newSignInCode(): string {
  const ceiling = Math.floor(2 ** 32 / 1_000_000) * 1_000_000;
  const draw = new Uint32Array(1);
  do crypto.getRandomValues(draw);
  while (draw[0]! >= ceiling);
  return String(draw[0]! % 1_000_000).padStart(6, "0");
}

// The row id salts the hash, so equal codes of two rows never share a hash.
const codeHash = (codeId: string, code: string) => sha256Hex(`${codeId}:${code}`);

/** The active staff member with this mobile in a workspace that allows SMS sign-in; none when two would match. */
export async function smsSignInUser(directory: Database, mobile: string) {
  const rows = await directory
    .select({ id: users.id, workspaceId: users.workspaceId, locale: users.locale, workspaceLocale: workspaces.locale })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.mobile, mobile), eq(users.status, "active"), eq(workspaces.smsSignIn, true)))
    .limit(2)
    .all();
  return rows.length === 1 ? rows[0]! : null;
}

/** The statements that end the mobile's earlier codes and store a new one (for one batch), and the code. */
export async function issueSignInCode(directory: Database, mobile: string, user: { id: string; workspaceId: string } | null, time: number) {
  const code = newSignInCode();
  const id = newId("sic");
  const statements = [
    directory
      .update(signInCodes)
      .set({ expiresAt: time })
      .where(and(eq(signInCodes.mobile, mobile), isNull(signInCodes.usedAt), gt(signInCodes.expiresAt, time))),
    directory.insert(signInCodes).values({
      id,
      mobile,
      workspaceId: user?.workspaceId ?? null,
      userId: user?.id ?? null,
      codeHash: await codeHash(id, user ? code : newSignInCode() + newSignInCode()),
      attempts: 0,
      createdAt: time,
      expiresAt: time + SIGN_IN_CODE_TTL_MS,
      usedAt: null,
    }),
  ] as const;
  return { id, code, statements };
}

export type CodeCheck =
  | { outcome: "right"; userId: string; workspaceId: string }
  | { outcome: "wrong" | "expired" | "spent" };

/**
 * Checks a code for the mobile's latest one. The try is counted (and refused past the limit) by
 * one conditional update before the code is compared, so parallel guesses cannot outrun the
 * count; the comparison takes the same time wherever the hashes differ; a right code is claimed
 * by a second conditional update, so it signs in once.
 */
export async function checkSignInCode(directory: Database, mobile: string, code: string, time: number): Promise<CodeCheck> {
  const latest = await directory
    .select()
    .from(signInCodes)
    .where(eq(signInCodes.mobile, mobile))
    .orderBy(desc(signInCodes.createdAt), desc(signInCodes.id))
    .limit(1)
    .get();
  if (!latest || latest.usedAt !== null || latest.expiresAt <= time) return { outcome: "expired" };
  const counted = await directory
    .update(signInCodes)
    .set({ attempts: sql`${signInCodes.attempts} + 1` })
    .where(and(eq(signInCodes.id, latest.id), lt(signInCodes.attempts, SIGN_IN_CODE_TRIES), isNull(signInCodes.usedAt), gt(signInCodes.expiresAt, time)))
    .returning({ attempts: signInCodes.attempts })
    .get();
  if (!counted) return { outcome: "spent" };
  const right = timingSafeEqual(await codeHash(latest.id, code), latest.codeHash);
  if (!right || !latest.userId || !latest.workspaceId) return { outcome: "wrong" };
  const claimed = await directory
    .update(signInCodes)
    .set({ usedAt: time })
    .where(and(eq(signInCodes.id, latest.id), isNull(signInCodes.usedAt)))
    .returning({ id: signInCodes.id })
    .get();
  return claimed ? { outcome: "right", userId: latest.userId, workspaceId: latest.workspaceId } : { outcome: "expired" };
}
