// Checks every compiled-in plugin's definition when the Worker starts (and in a test), like
// Fastify checks a plugin's metadata at registration.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { coreEvents } from "../events/event-catalog";
import { isMessageCode } from "../i18n/messages";
import { CORE_PERMISSIONS } from "../permissions/permissions";
import { CORE_SEGMENT_FIELDS } from "../segments/core-segment-fields";
import type { PluginDefinition } from "../../plugin-api/types";
import { BEFORE_EVENT_NAMES } from "./before-events";
import { PluginDefinitionError } from "./plugin-definition-error";

const ID = /^[a-z][a-z0-9-]{1,31}$/;
const VERSION = /^\d+\.\d+\.\d+(-[\w.]+)?$/;
const DAILY_AT = /^([01]\d|2[0-3]):[0-5]\d$/;

export type AnyPlugin = PluginDefinition<any, any>;

export interface DeclaredRoute {
  method: string;
  /** OpenAPI style, relative to the plugin's prefix: "/ui/customers/{customerId}". */
  path: string;
  access: string;
}

/** The routes a plugin's router declares, as its OpenAPI entries say (so nested routers count). */
export function declaredRoutes(router: OpenAPIHono<any> | undefined): DeclaredRoute[] {
  if (!router) return [];
  return router.openAPIRegistry.definitions.flatMap((definition) =>
    definition.type === "route"
      ? [{ method: definition.route.method.toUpperCase(), path: definition.route.path, access: String((definition.route as { "x-permission"?: string })["x-permission"] ?? "undeclared") }]
      : [],
  );
}

/** "/members/{customerId}" and "/members/{id}" are the same route. */
const routeShape = (path: string) => path.replace(/\{[^}]+\}/g, "{}").replace(/\/+$/, "") || "/";

export function validatePlugins(plugins: readonly AnyPlugin[]): void {
  const seen = new Set<string>();
  const knownEvents = new Set<string>(Object.keys(coreEvents));
  for (const plugin of plugins) for (const name of Object.keys(plugin.events ?? {})) knownEvents.add(name);
  const segmentFieldOwners = new Map<string, string>(CORE_SEGMENT_FIELDS.map((field) => [field.name, "core"]));
  const messageOwners = new Map<string, string>();

  for (const plugin of plugins) {
    const fail = (code: ConstructorParameters<typeof PluginDefinitionError>[0], detail: string) => {
      throw new PluginDefinitionError(code, String(plugin.id), detail);
    };
    if (typeof plugin.id !== "string" || !ID.test(plugin.id)) fail("PLUGIN_INVALID_ID", "use 2-32 lower-case letters, digits or dashes, starting with a letter");
    if (seen.has(plugin.id)) fail("PLUGIN_DUPLICATE_ID", "another plugin has this id");
    seen.add(plugin.id);
    if (!VERSION.test(plugin.version ?? "")) fail("PLUGIN_INVALID_VERSION", `"${plugin.version}" is not a semantic version`);
    for (const field of ["name", "description"] as const) {
      if (!plugin[field]?.en || !plugin[field]?.fa) fail("PLUGIN_MISSING_TEXT", `${field} needs both en and fa`);
    }
    for (const permission of plugin.permissions ?? []) {
      if (!permission.key.startsWith(`${plugin.id}:`)) fail("PLUGIN_PERMISSION_PREFIX", `permission "${permission.key}" must start with "${plugin.id}:"`);
    }
    // Who may call each route, and see each surface: core's permissions, the plugin's own, or any signed-in user.
    const grantable = new Set<string>([...CORE_PERMISSIONS, ...(plugin.permissions ?? []).map((permission) => permission.key), "signed-in"]);
    const routes = declaredRoutes(plugin.routes);
    for (const route of routes) {
      if (!grantable.has(route.access)) {
        fail("PLUGIN_UNKNOWN_PERMISSION", `${route.method} ${route.path} is guarded by "${route.access}", which is neither core's nor declared in permissions`);
      }
    }
    for (const route of declaredRoutes(plugin.publicRoutes)) {
      if (route.access !== "public") fail("PLUGIN_PUBLIC_ROUTE_GUARDED", `public route ${route.method} ${route.path} is guarded by "${route.access}": make it with pluginPublicRoute`);
    }
    const readable = new Set(routes.filter((route) => route.method === "GET").map((route) => routeShape(route.path)));
    const { bulkSend, ...surfaces } = plugin.ui ?? {};
    if (bulkSend) {
      // The selection is handed to the plugin's page, so there must be one.
      if (!plugin.ui?.page) fail("PLUGIN_BULK_SEND_WITHOUT_PAGE", "ui.bulkSend opens the plugin's page with ?list={listId}: declare ui.page too");
      if (!bulkSend.label?.en || !bulkSend.label?.fa) fail("PLUGIN_MISSING_TEXT", "ui.bulkSend.label needs both en and fa");
      if (bulkSend.permission && !grantable.has(bulkSend.permission)) {
        fail("PLUGIN_UNKNOWN_PERMISSION", `ui.bulkSend.permission "${bulkSend.permission}" is neither core's nor declared in permissions`);
      }
    }
    for (const [surface, declared] of Object.entries(surfaces) as Array<[string, { source?: string; permission?: string } | undefined]>) {
      if (!declared) continue;
      if (!declared.source || !readable.has(routeShape(declared.source))) {
        fail("PLUGIN_UI_SOURCE_NOT_FOUND", `ui.${surface}.source "${declared.source}" is none of the plugin's GET routes (${[...readable].join(", ") || "it has none"})`);
      }
      if (declared.permission && !grantable.has(declared.permission)) {
        fail("PLUGIN_UNKNOWN_PERMISSION", `ui.${surface}.permission "${declared.permission}" is neither core's nor declared in permissions`);
      }
    }
    for (const field of plugin.segmentFields ?? []) {
      const owner = segmentFieldOwners.get(field.name);
      if (owner) fail("PLUGIN_SEGMENT_FIELD_TAKEN", `segment field "${field.name}" is already ${owner === "core" ? "core's" : `declared by plugin "${owner}"`}`);
      segmentFieldOwners.set(field.name, plugin.id);
    }
    // A validation code reads one way everywhere: never core's, never another plugin's.
    for (const [code, text] of Object.entries(plugin.messages ?? {})) {
      if (isMessageCode(code)) fail("PLUGIN_MESSAGE_TAKEN", `message "${code}" is core's`);
      const owner = messageOwners.get(code);
      if (owner) fail("PLUGIN_MESSAGE_TAKEN", `message "${code}" is already declared by plugin "${owner}"`);
      if (!text?.en || !text?.fa) fail("PLUGIN_MISSING_TEXT", `message "${code}" needs both en and fa`);
      messageOwners.set(code, plugin.id);
    }
    if (!plugin.settings.safeParse({}).success) fail("PLUGIN_SETTINGS_DEFAULTS", "every setting needs a default (settings.parse({}) must succeed)");
    for (const name of Object.keys(plugin.events ?? {})) {
      if (!name.startsWith(`${plugin.id}.`)) fail("PLUGIN_EVENT_PREFIX", `event "${name}" must start with "${plugin.id}."`);
    }
    for (const name of Object.keys(plugin.on ?? {})) {
      if (!knownEvents.has(name)) fail("PLUGIN_UNKNOWN_EVENT", `no event "${name}" exists`);
    }
    for (const name of Object.keys(plugin.before ?? {})) {
      if (!(BEFORE_EVENT_NAMES as readonly string[]).includes(name)) fail("PLUGIN_UNKNOWN_BEFORE_EVENT", `"${name}" has no before hook; known: ${BEFORE_EVENT_NAMES.join(", ")}`);
    }
    const jobs = new Set<string>();
    for (const schedule of plugin.schedules ?? []) {
      if (jobs.has(schedule.id)) fail("PLUGIN_INVALID_SCHEDULE", `two schedules are called "${schedule.id}"`);
      jobs.add(schedule.id);
      if (schedule.timing.every === "day" && !DAILY_AT.test(schedule.timing.at)) fail("PLUGIN_INVALID_SCHEDULE", `"${schedule.timing.at}" is not a time like 03:00`);
    }
  }
}
