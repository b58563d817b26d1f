// Handlers for the plugins contract.
import { z } from "@hono/zod-openapi";
import { actorOf } from "../auth/auth.middleware";
import { auditOrigin } from "../audit/audit";
import { openDirectory } from "../data/database";
import { Problem } from "../http/problem";
import { grantPluginToAdminRole } from "../roles/admin-role-grant";
import { createRouter } from "../http/router";
import { zodProblem } from "../http/validation";
import { effectiveSettings, workspacePluginRows } from "./enabled-plugins";
import type { PluginRuntime } from "./plugin-runtime";
import { listPluginsRoute, updatePluginRoute } from "./plugins.routes";
import { savePluginState, storedPluginState } from "./plugins.repository";
import type { AnyPlugin } from "./validate-plugins";

/** The settings the workspace set itself (as the schema parsed them, e.g. trimmed), without the defaults it left alone. */
function explicitSettings(plugin: AnyPlugin, given: Record<string, unknown>, parsed: Record<string, unknown>): Record<string, unknown> {
  const known = new Set(Object.keys(plugin.settings.shape));
  return Object.fromEntries(Object.keys(given).filter((key) => known.has(key) && parsed[key] !== undefined).map((key) => [key, parsed[key]]));
}

function presentPlugin(plugin: AnyPlugin, state: { enabled: boolean; settings: Record<string, unknown> | undefined }, showSettings: boolean) {
  return {
    id: plugin.id,
    name: plugin.name,
    description: plugin.description,
    version: plugin.version,
    enabled: state.enabled,
    permissions: (plugin.permissions ?? []).map(({ key, description }) => ({ key, description })),
    settings: showSettings ? effectiveSettings(plugin, state.settings) : null,
    settingsSchema: z.toJSONSchema(plugin.settings, { io: "input" }) as Record<string, unknown>,
    events: Object.keys(plugin.events ?? {}),
    ui: (plugin.ui ?? {}) as Record<string, unknown>,
  };
}

export function pluginsRouter(runtime: PluginRuntime) {
  return createRouter()
    .openapi(listPluginsRoute, async (c) => {
      const actor = actorOf(c);
      const rows = new Map((await workspacePluginRows(c.env, actor.workspaceId)).map((row) => [row.pluginId, row]));
      const showSettings = actor.permissions.has("plugins:manage");
      const items = runtime.plugins.map((plugin) => {
        const row = rows.get(plugin.id);
        return presentPlugin(plugin, { enabled: row?.enabled ?? false, settings: row?.settings }, showSettings);
      });
      return c.json({ items }, 200);
    })
    .openapi(updatePluginRoute, async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const plugin = runtime.byId.get(id);
      if (!plugin) throw new Problem(404, "plugin_not_found");
      const actor = actorOf(c);
      const stored = await storedPluginState(c.env, actor.workspaceId, id);
      const before = { enabled: stored?.enabled ?? false, settings: stored?.settings ?? {} };
      // Only what the workspace set is stored: a default changed in a later version reaches every
      // workspace that never chose otherwise.
      let overrides = before.settings;
      if (body.settings !== undefined) {
        overrides = { ...before.settings, ...body.settings };
        const parsed = plugin.settings.safeParse(overrides);
        if (!parsed.success) throw zodProblem(parsed.error, "body.settings", c.get("locale"));
        overrides = explicitSettings(plugin, overrides, parsed.data as Record<string, unknown>);
      }
      const enabled = body.enabled ?? before.enabled;
      const scope = c.get("scope");
      const origin = auditOrigin(c);
      const firstEnable = enabled && !stored;
      const permissions = (plugin.permissions ?? []).map(({ key }) => key);
      const adminGrant = firstEnable ? await grantPluginToAdminRole(openDirectory(c.env), scope, origin, id, permissions) : [];
      await savePluginState(c.env, scope, origin, { pluginId: id, enabled, settings: overrides, before }, adminGrant);
      return c.json(presentPlugin(plugin, { enabled, settings: overrides }, true), 200);
    });
}
