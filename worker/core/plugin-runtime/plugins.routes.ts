// The plugins contract: which plugins exist, which this workspace has enabled, their settings.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";

const LocalizedSchema = z.object({ en: z.string(), fa: z.string() });

export const PluginSchema = z
  .object({
    id: z.string(),
    name: LocalizedSchema,
    description: LocalizedSchema,
    version: z.string(),
    enabled: z.boolean(),
    permissions: z.array(z.object({ key: z.string(), description: LocalizedSchema })),
    settings: z.record(z.string(), z.unknown()).nullable().openapi({ description: "Current settings; null without `plugins:manage`." }),
    settingsSchema: z.record(z.string(), z.unknown()).openapi({ description: "JSON Schema of the settings, for a generated form." }),
    events: z.array(z.string()),
    ui: z.record(z.string(), z.unknown()),
  })
  .openapi("Plugin");

export const listPluginsRoute = guardedRoute("signed-in", {
  method: "get",
  path: "/api/plugins",
  tags: ["Plugins"],
  summary: "Plugins and whether this workspace has them enabled",
  responses: { 200: { description: "Every compiled-in plugin.", content: { "application/json": { schema: z.object({ items: z.array(PluginSchema) }) } } }, 401: problemResponses[401] },
});

export const updatePluginRoute = guardedRoute("plugins:manage", {
  method: "patch",
  path: "/api/plugins/{id}",
  tags: ["Plugins"],
  summary: "Enable, disable or configure a plugin",
  description: "Settings are validated by the plugin's own schema; a bad value is a 400 naming `body.settings.<field>`. Disabling keeps the plugin's data for when it is enabled again.",
  request: {
    params: z.object({ id: z.string().min(1).max(40).openapi({ param: { name: "id", in: "path" }, example: "loyalty" }) }),
    body: {
      content: {
        "application/json": {
          schema: z
            .object({ enabled: z.boolean().optional(), settings: z.record(z.string(), z.unknown()).optional() })
            .strict()
            .refine((body) => body.enabled !== undefined || body.settings !== undefined, { message: "nothing_to_change" }),
        },
      },
      required: true,
    },
  },
  responses: { 200: { description: "The plugin as now configured.", content: { "application/json": { schema: PluginSchema } } }, ...problemResponses },
});
