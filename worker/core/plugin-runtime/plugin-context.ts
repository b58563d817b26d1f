// The context a plugin's routes, hooks and schedules act through: its workspace, its settings,
// the workspace's database, events and messaging. Never other plugins' settings or secrets.
import type { Context } from "hono";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { validatedEventEntry } from "../events/outbox";
import { Problem } from "../http/problem";
import type { Database, PluginContext } from "../../plugin-api/types";
import { pluginMessaging } from "./plugin-messaging";
import type { AnyPlugin } from "./validate-plugins";

export function buildPluginContext<S>(
  env: Env,
  scope: WorkspaceScope,
  plugin: AnyPlugin,
  settings: S,
  timeZone: string,
  actorUserId: string | null = null,
): PluginContext<S> {
  return {
    pluginId: plugin.id,
    workspaceId: scope.workspaceId,
    settings,
    db: scope.db as unknown as Database,
    env,
    timeZone,
    now,
    event(name, payload) {
      const schema = plugin.events?.[name];
      if (!schema) throw new Error(`plugin "${plugin.id}" emits "${name}", which it does not declare in events`);
      return validatedEventEntry(scope, name, schema.parse(payload) as Record<string, unknown>, actorUserId);
    },
    messaging: pluginMessaging(env, scope, plugin.id),
  };
}

/** Inside a plugin's route handler: the context of the plugin the request was routed to. */
export function pluginContext<S = Record<string, unknown>>(c: Context): PluginContext<S> {
  const mounted = c.get("plugin");
  if (!mounted) throw new Problem(404, "not_found");
  return mounted.context as PluginContext<S>;
}
