// Starting and ending sessions. The token goes to the browser in an HttpOnly cookie; the
// database keeps only its hash.
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { now } from "../data/clock";
import type { Database } from "../data/database";
import { newId } from "../data/ids";
import { sessions } from "../data/schema";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "./session-policy";
import { randomToken, sha256Hex } from "./tokens";

export interface SessionOrigin {
  ip: string | null;
  userAgent: string | null;
}

export async function createSession(
  directory: Database,
  user: { id: string; workspaceId: string },
  origin: SessionOrigin,
): Promise<{ sessionId: string; token: string; expiresAt: number }> {
  const token = randomToken();
  const time = now();
  const sessionId = newId("ses");
  const expiresAt = time + SESSION_ABSOLUTE_MS;
  await directory.insert(sessions).values({
    id: sessionId,
    workspaceId: user.workspaceId,
    userId: user.id,
    tokenHash: await sha256Hex(token),
    createdAt: time,
    lastSeenAt: time,
    expiresAt,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
  });
  return { sessionId, token, expiresAt };
}

export function setSessionCookie(c: Context, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
}

export async function revokeSession(directory: Database, sessionId: string): Promise<void> {
  await directory.update(sessions).set({ revokedAt: now() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of a user at once (an employee leaves, a password is reset). */
export function revokeUserSessions(directory: Database, userId: string) {
  return directory.update(sessions).set({ revokedAt: now() }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Ends every session of a user but the one in use (the user changed their own password). */
export function revokeOtherSessions(directory: Database, userId: string, keptSessionId: string) {
  return directory
    .update(sessions)
    .set({ revokedAt: now() })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keptSessionId), isNull(sessions.revokedAt)));
}

export function sessionOrigin(c: Context): SessionOrigin {
  return { ip: c.req.header("cf-connecting-ip") ?? null, userAgent: c.req.header("user-agent") ?? null };
}
