// Checks every compiled-in plugin's definition when the Worker starts (and in a test), like
// Fastify checks a plugin's metadata at registration.
import { coreEvents } from "../events/event-catalog";
import type { PluginDefinition } from "../../plugin-api/types";
import { BEFORE_EVENT_NAMES } from "./before-events";
import { PluginDefinitionError } from "./plugin-definition-error";

const ID = /^[a-z][a-z0-9-]{1,31}$/;
const VERSION = /^\d+\.\d+\.\d+(-[\w.]+)?$/;
const DAILY_AT = /^([01]\d|2[0-3]):[0-5]\d$/;

export type AnyPlugin = PluginDefinition<any, any>;

export function validatePlugins(plugins: readonly AnyPlugin[]): void {
  const seen = new Set<string>();
  const knownEvents = new Set<string>(Object.keys(coreEvents));
  for (const plugin of plugins) for (const name of Object.keys(plugin.events ?? {})) knownEvents.add(name);

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
