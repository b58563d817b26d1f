// Finds the actor behind a session token or an API key, with the permissions it holds now.
import { and, eq, isNull } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { now } from "../data/clock";
import { apiKeys, roles, sessions, users } from "../data/schema";
import type { Actor } from "./actor";
import { pluginPermissions } from "../permissions/plugin-permissions";
import { SESSION_IDLE_MS, SESSION_TOUCH_MS } from "./session-policy";
import { sha256Hex } from "./tokens";

/**
 * A role's stored permissions; the owner also holds every plugin permission (the owner role never
 * changes). Everyone else, admins included, holds exactly what their role lists.
 */
export function rolePermissions(role: { permissions: string[]; roleKey: string }): Set<string> {
  return new Set(role.roleKey === "owner" ? [...role.permissions, ...pluginPermissions()] : role.permissions);
}

export async function actorFromSession(env: Env, token: string, ctx: { waitUntil(p: Promise<unknown>): void }): Promise<Actor | null> {
  const db = openDirectory(env);
  const tokenHash = await sha256Hex(token);
  const row = await db
    .select({ session: sessions, userStatus: users.status, permissions: roles.permissions, roleKey: roles.key })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .get();
  const time = now();
  if (!row || row.userStatus !== "active") return null;
  const { session } = row;
  if (session.expiresAt <= time || session.lastSeenAt + SESSION_IDLE_MS <= time) return null;
  if (time - session.lastSeenAt > SESSION_TOUCH_MS) {
    ctx.waitUntil(db.update(sessions).set({ lastSeenAt: time }).where(eq(sessions.id, session.id)).run());
  }
  return {
    workspaceId: session.workspaceId,
    userId: session.userId,
    apiKeyId: null,
    sessionId: session.id,
    permissions: rolePermissions(row),
  };
}

export async function actorFromApiKey(env: Env, key: string, ctx: { waitUntil(p: Promise<unknown>): void }): Promise<Actor | null> {
  const db = openDirectory(env);
  const keyHash = await sha256Hex(key);
  const row = await db
    .select({ key: apiKeys, userStatus: users.status, permissions: roles.permissions, roleKey: roles.key })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .get();
  const time = now();
  if (!row || row.userStatus !== "active") return null;
  if (row.key.expiresAt !== null && row.key.expiresAt <= time) return null;
  // Like sessions, written at most every few minutes: an integration's every call is not a write.
  if (row.key.lastUsedAt === null || time - row.key.lastUsedAt > SESSION_TOUCH_MS) {
    ctx.waitUntil(db.update(apiKeys).set({ lastUsedAt: time }).where(eq(apiKeys.id, row.key.id)).run());
  }
  // A key never holds more than its creator holds today: demoting a user narrows their keys too.
  const creatorPermissions = rolePermissions(row);
  return {
    workspaceId: row.key.workspaceId,
    userId: row.key.createdBy,
    apiKeyId: row.key.id,
    sessionId: null,
    permissions: new Set(row.key.scopes.filter((scope) => creatorPermissions.has(scope))),
  };
}
