// Plugins' public pages: routes for people without an account (a survey's answer page, a
// customer's points balance), mounted at /p/{pluginId}/{workspaceId}/…. No session and no CSRF
// cookie (nothing ambient to forge); rate-limited per IP and per page; reachable only where the
// workspace in the path exists and has the plugin enabled (otherwise a polite 404 page, as if
// nothing were there).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { now } from "../data/clock";
import { openWorkspace } from "../data/database";
import type { AppEnv } from "../http/context";
import { notFound, Problem } from "../http/problem";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import type { EventMap, PublicContext } from "../../plugin-api/types";
import { buildPluginContext } from "./plugin-context";
import type { PluginRuntime } from "./plugin-runtime";
import { allowPublicRequest, PER_IP, PER_PAGE } from "./public-rate-limit";
import { unavailablePublicPage } from "./public-unavailable";
import type { AnyPlugin } from "./validate-plugins";

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

async function withinRateLimit(c: Context, pluginId: string): Promise<void> {
  const at = now();
  const ip = c.req.header("cf-connecting-ip") ?? "unknown";
  const page = new URL(c.req.url).pathname;
  const [byIp, byPage] = await Promise.all([
    allowPublicRequest(c.env, `${pluginId}:${ip}`, PER_IP, at),
    allowPublicRequest(c.env, page.slice(0, 512), PER_PAGE, at),
  ]);
  if (!byIp.allowed || !byPage.allowed) {
    const seconds = Math.max(byIp.allowed ? 0 : byIp.retryAfter, byPage.allowed ? 0 : byPage.retryAfter);
    throw new Problem(429, "public_rate_limited", { params: { seconds }, headers: { "retry-after": String(seconds) } });
  }
}

function openPublicPlugin(runtime: PluginRuntime, plugin: AnyPlugin): MiddlewareHandler<AppEnv> {
  return async function openPublicPlugin(c, next) {
    await withinRateLimit(c, plugin.id);
    const workspaceId = c.req.param("workspaceId") ?? "";
    const enabled = WORKSPACE_ID.test(workspaceId) ? await runtime.enabled(c.env, workspaceId) : [];
    const mine = enabled.find((entry) => entry.plugin.id === plugin.id);
    if (!mine) {
      // A customer's browser gets a page; a program (which does not ask for HTML) the usual problem.
      if (!(c.req.header("accept") ?? "").includes("text/html")) throw notFound();
      return unavailablePublicPage(c.req.header("accept-language"));
    }
    const workspace = await getWorkspaceSettings(c.env, workspaceId);
    const scope = openWorkspace(c.env, workspaceId);
    c.set("scope", scope);
    c.set("plugin", { id: plugin.id, context: buildPluginContext(c.env, scope, plugin, mine.settings, workspace, { locale: c.get("locale"), enabled }) });
    await next();
  };
}

export function mountPublicPluginRoutes(app: OpenAPIHono<AppEnv>, runtime: PluginRuntime): void {
  for (const plugin of runtime.plugins) {
    if (!plugin.publicRoutes) continue;
    const base = `/p/${plugin.id}/:workspaceId`;
    app.use(`${base}/*`, bodyLimit({ maxSize: 64 * 1024 }));
    app.use(`${base}/*`, openPublicPlugin(runtime, plugin));
    app.route(base, plugin.publicRoutes);
  }
}

/**
 * Inside a public route's handler: the plugin's context for the workspace in the path, in the
 * visitor's language (`Accept-Language`). There is no caller: check the page's own token.
 */
export function publicContext<S = Record<string, unknown>, E extends EventMap = {}>(c: Context): PublicContext<S, E> {
  const mounted = c.get("plugin");
  if (!mounted) throw new Problem(404, "not_found");
  return mounted.context as PublicContext<S, E>;
}
