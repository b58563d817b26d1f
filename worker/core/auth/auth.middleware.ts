// Identifies the caller (API key or session cookie) and guards routes by permission.
import type { Context, MiddlewareHandler } from "hono";
import type { Actor } from "./actor";
import { getCookie } from "hono/cookie";
import { openWorkspace } from "../data/database";
import { Problem } from "../http/problem";
import type { Permission } from "../permissions/permissions";
import { actorFromApiKey, actorFromSession } from "./resolve-actor";
import { SESSION_COOKIE } from "./session-policy";

/** Sets `actor` and `scope` when credentials are present; a bad API key is a 401 at once. */
export function loadActor(): MiddlewareHandler {
  return async function loadActor(c, next) {
    const authorization = c.req.header("authorization");
    let actor: Actor | null | undefined;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      actor = match ? await actorFromApiKey(c.env, match[1]!, c.executionCtx) : null;
      if (!actor) throw new Problem(401, "unauthenticated");
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) actor = (await actorFromSession(c.env, token, c.executionCtx)) ?? undefined;
    }
    c.set("actor", actor ?? undefined);
    if (actor) c.set("scope", openWorkspace(c.env, actor.workspaceId));
    await next();
  };
}

/** "signed-in" admits any actor; otherwise the actor must hold the permission. */
export type Access = Permission | "signed-in";

export function requireAccess(access: Access): MiddlewareHandler {
  return async function requireAccess(c, next) {
    const actor = c.get("actor");
    if (!actor) throw new Problem(401, "unauthenticated");
    if (access !== "signed-in" && !actor.permissions.has(access)) throw new Problem(403, "forbidden");
    await next();
  };
}

/** The actor of a route that went through requireAccess. */
export function actorOf(c: Context): Actor {
  const actor = c.get("actor");
  if (!actor) throw new Problem(401, "unauthenticated");
  return actor;
}
