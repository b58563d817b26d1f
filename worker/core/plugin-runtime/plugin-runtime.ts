// The compiled-in plugins, checked at start-up, and what the rest of the Worker asks of them:
// which are enabled where, their permissions and events, and their `before` hooks.
import type { z } from "@hono/zod-openapi";
import type { WorkspaceScope } from "../data/database";
import { coreEvents } from "../events/event-catalog";
import { registerFieldMessages } from "../http/field-messages";
import { Problem } from "../http/problem";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { HookRejection } from "../../plugin-api/hook-rejection";
import type { BeforeHook } from "../../plugin-api/types";
import { registerSegmentField, type SegmentField } from "../segments/segment-fields";
import type { PluginSegmentField } from "../../plugin-api/types";
import { enabledPlugins, type EnabledPlugin } from "./enabled-plugins";
import { buildPluginContext } from "./plugin-context";
import { validatePlugins, type AnyPlugin } from "./validate-plugins";

export class PluginRuntime {
  readonly byId: ReadonlyMap<string, AnyPlugin>;

  constructor(readonly plugins: readonly AnyPlugin[]) {
    validatePlugins(plugins);
    this.byId = new Map(plugins.map((plugin) => [plugin.id, plugin]));
    for (const plugin of plugins) for (const field of plugin.segmentFields ?? []) registerSegmentField(segmentFieldOf(plugin.id, field));
    for (const plugin of plugins) registerFieldMessages(plugin.messages ?? {});
  }

  permissions(): string[] {
    return this.plugins.flatMap((plugin) => (plugin.permissions ?? []).map((permission) => permission.key));
  }

  /** Every event's payload schema: core's and each plugin's own. */
  eventSchemas(): Record<string, z.ZodType> {
    return Object.assign({}, coreEvents, ...this.plugins.map((plugin) => plugin.events ?? {}));
  }

  enabled(env: Env, workspaceId: string): Promise<EnabledPlugin[]> {
    return enabledPlugins(env, workspaceId, this.plugins);
  }

  /**
   * The `before` hooks of a write, in registry order, each given the previous one's output.
   * Nothing is read unless some plugin hooks that event at all.
   */
  beforeRunner(env: Env, scope: WorkspaceScope, actorUserId: string | null) {
    return async <I>(eventName: string, input: I): Promise<I> => {
      if (!this.plugins.some((plugin) => plugin.before?.[eventName as never])) return input;
      const [enabled, workspace] = await Promise.all([this.enabled(env, scope.workspaceId), getWorkspaceSettings(env, scope.workspaceId)]);
      let current = input;
      for (const { plugin, settings } of enabled) {
        const hook = plugin.before?.[eventName as never] as BeforeHook<unknown, I> | undefined;
        if (!hook) continue;
        try {
          current = await hook(current, buildPluginContext(env, scope, plugin, settings, workspace, { actorUserId, enabled }));
        } catch (error) {
          if (error instanceof HookRejection) {
            throw new Problem(422, "rejected_by_plugin", {
              params: { plugin: plugin.name, reason: error.reason },
              extensions: { plugin: plugin.id },
              ...(error.field ? { errors: [{ path: `body.${error.field}`, code: "rejected_by_plugin", params: { plugin: plugin.name, reason: error.reason } }] } : {}),
            });
          }
          throw error;
        }
      }
      return current;
    };
  }
}

const adapted = new WeakMap<PluginSegmentField, SegmentField>();

/** A plugin's declared segment field in core's terms (one object per field, however many Workers are built). */
function segmentFieldOf(pluginId: string, field: PluginSegmentField): SegmentField {
  let core = adapted.get(field);
  if (!core) {
    core = { name: field.name, source: pluginId, schema: field.schema, compile: (value, { scope, timeZone }) => field.compile(value, { workspaceId: scope.workspaceId, timeZone }) };
    adapted.set(field, core);
  }
  return core;
}

/** Runs the before hooks of a write, when a plugin runtime is attached to the scope. */
export function runBeforeHooks<I>(scope: WorkspaceScope, eventName: string, input: I): Promise<I> {
  return scope.runBefore ? scope.runBefore(eventName, input) : Promise.resolve(input);
}
