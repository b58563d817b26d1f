// CSRF protection where it matters: only requests that carry the session cookie can be forged
// by another site, so only they go through Hono's origin check. API-key and anonymous calls
// (curl, integrations) are not held to a browser's Origin header.
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { SESSION_COOKIE } from "../auth/session-policy";

export function csrfForCookieSessions(): MiddlewareHandler {
  const check = csrf();
  return async function csrfForCookieSessions(c, next) {
    if (c.req.header("authorization") || !getCookie(c, SESSION_COOKIE)) return next();
    return check(c, next);
  };
}
