// Actions one plugin offers others (`actions` in its definition, run with `ctx.pluginAction`):
// `defineAction` gives an action its input's and output's types, an action throws ActionRefusal
// for a request it cannot do (an erased customer), and PluginActionError tells the caller why a
// call did nothing, so it can turn "that plugin is off" into an outcome of its own.
import type { z } from "@hono/zod-openapi";
import type { EventMap, PluginAction } from "./types";

export function defineAction<I extends z.ZodType, O extends z.ZodType, Settings = any, Events extends EventMap = EventMap>(
  action: PluginAction<Settings, Events, I, O>,
): PluginAction<Settings, Events, I, O> {
  return action;
}

/** Thrown by an action's `run`: it will not do this (`reason`, a snake_case word the caller may record). */
export class ActionRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ActionRefusal";
  }
}

export type PluginActionRefusal =
  | "plugin_not_enabled" // the plugin is not installed, or not enabled in this workspace
  | "unknown_action" // it is, but declares no action by that name
  | "invalid_input" // the declaring plugin's input schema refused the input (`issues`)
  | "refused"; // the action refused (`reason`)

export class PluginActionError extends Error {
  constructor(
    readonly code: PluginActionRefusal,
    readonly pluginId: string,
    readonly action: string,
    readonly detail: { reason?: string; issues?: Array<{ path: string; message: string }> } = {},
  ) {
    super(`${pluginId}/${action}: ${code}${detail.reason ? ` (${detail.reason})` : ""}${detail.issues ? ` ${detail.issues.map((issue) => `${issue.path || "input"}: ${issue.message}`).join("; ")}` : ""}`);
    this.name = "PluginActionError";
  }
}
