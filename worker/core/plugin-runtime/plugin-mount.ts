// Plugins inside the request path: their `before` hooks attached to the caller's workspace, and
// their routes mounted at /api/plugins/{id}, answering 404 where the plugin is not enabled.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context";
import { Problem } from "../http/problem";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { buildPluginContext, pluginActor } from "./plugin-context";
import type { PluginRuntime } from "./plugin-runtime";
import type { AnyPlugin } from "./validate-plugins";

export function attachPluginRuntime(runtime: PluginRuntime): MiddlewareHandler {
  return async function attachPluginRuntime(c, next) {
    const actor = c.get("actor");
    if (actor) c.get("scope").runBefore = runtime.beforeRunner(c.env, c.get("scope"), actor.userId);
    await next();
  };
}

function requireEnabledPlugin(runtime: PluginRuntime, plugin: AnyPlugin): MiddlewareHandler {
  return async function requireEnabledPlugin(c, next) {
    const actor = c.get("actor");
    if (!actor) throw new Problem(401, "unauthenticated");
    const [enabled, workspace] = await Promise.all([runtime.enabled(c.env, actor.workspaceId), getWorkspaceSettings(c.env, actor.workspaceId)]);
    const mine = enabled.find((entry) => entry.plugin.id === plugin.id);
    // Not enabled here: as if it did not exist, though its data stays for when it is enabled again.
    if (!mine) throw new Problem(404, "not_found");
    const context = buildPluginContext(c.env, c.get("scope"), plugin, mine.settings, workspace, { actorUserId: actor.userId, locale: c.get("locale"), enabled });
    c.set("plugin", { id: plugin.id, context: { ...context, actor: pluginActor(actor) } });
    await next();
  };
}

export function mountPluginRoutes(app: OpenAPIHono<AppEnv>, runtime: PluginRuntime): void {
  for (const plugin of runtime.plugins) {
    if (!plugin.routes) continue;
    app.use(`/api/plugins/${plugin.id}/*`, requireEnabledPlugin(runtime, plugin));
    app.route(`/api/plugins/${plugin.id}`, plugin.routes);
  }
}
