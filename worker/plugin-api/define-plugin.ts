// definePlugin: an identity function that gives a plugin's definition its types.
import type { z } from "@hono/zod-openapi";
import type { PluginDefinition } from "./types";

export function definePlugin<Settings extends z.ZodObject, OwnEvents extends Record<string, z.ZodType> = {}>(
  definition: PluginDefinition<Settings, OwnEvents>,
): PluginDefinition<Settings, OwnEvents> {
  return definition;
}
