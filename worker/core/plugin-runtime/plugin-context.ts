// The context a plugin's routes, hooks and schedules act through: its workspace, its settings,
// the workspace's database, events and messaging; in a route, also who is calling and in which
// language. Never other plugins' settings or secrets.
import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Actor } from "../auth/actor";
import { now as clockNow } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { validatedEventEntry } from "../events/outbox";
import { Problem } from "../http/problem";
import type { Database, EventMap, PluginActor, PluginContext, RouteContext } from "../../plugin-api/types";
import { ActionRefusal, PluginActionError } from "../../plugin-api/plugin-actions";
import { enqueuePluginJob } from "./plugin-job-message";
import { pluginMessaging } from "./plugin-messaging";
import type { EnabledPlugin } from "./enabled-plugins";
import type { AnyPlugin } from "./validate-plugins";

/** What a plugin context needs to know of its workspace (a row of workspace settings has it). */
export interface WorkspaceFacts {
  timeZone: string;
  locale: string;
  currency: string;
}

export interface ContextOptions {
  /** The user behind the change, recorded on the events it emits. */
  actorUserId?: string | null;
  /** The language to write in; the workspace's by default. */
  locale?: "fa" | "en";
  /** A fixed clock: a scheduled job's due time. */
  now?: () => number;
  /** The plugins enabled in the workspace, whose customer facts and actions `ctx.customerFact` and `ctx.pluginAction` ask. */
  enabled?: readonly EnabledPlugin[];
}

/** The workspace scope behind a context (found by its db, which hooks' copies of the context share), for plugin-api helpers that write core rows with their events. */
const scopes = new WeakMap<object, WorkspaceScope>();
export function scopeOfContext(ctx: { db: object }): WorkspaceScope {
  const scope = scopes.get(ctx.db);
  if (!scope) throw new Error("not a plugin context");
  return scope;
}

export function buildPluginContext<S>(env: Env, scope: WorkspaceScope, plugin: AnyPlugin, settings: S, workspace: WorkspaceFacts, options: ContextOptions = {}): PluginContext<S> {
  const enabledOther = (pluginId: string) => (pluginId === plugin.id ? undefined : options.enabled?.find((other) => other.plugin.id === pluginId));
  const context = {
    pluginId: plugin.id,
    workspaceId: scope.workspaceId,
    settings,
    db: scope.db as unknown as Database,
    env,
    timeZone: workspace.timeZone,
    locale: options.locale ?? (workspace.locale === "en" ? "en" : "fa"),
    currency: workspace.currency,
    now: options.now ?? clockNow,
    event(name: string, payload: Record<string, unknown>) {
      const schema = plugin.events?.[name];
      if (!schema) throw new Error(`plugin "${plugin.id}" emits "${name}", which it does not declare in events`);
      return validatedEventEntry(scope, name, schema.parse(payload) as Record<string, unknown>, options.actorUserId ?? null);
    },
    messaging: pluginMessaging(env, scope, plugin.id, options.now ?? clockNow),
    // The job's clock starts at the enqueuer's (a schedule's tick), so a job never runs "before" it was queued.
    enqueue: (job: string, payload: Record<string, unknown>, enqueueOptions?: { delaySeconds?: number }) =>
      enqueuePluginJob(env, { workspaceId: scope.workspaceId, pluginId: plugin.id, job, payload, at: (options.now ?? clockNow)() }, enqueueOptions),
    // Another enabled plugin's answer (with its own settings and context), never its tables.
    async customerFact(name: string, customerId: string) {
      for (const other of options.enabled ?? []) {
        const offer = other.plugin.customerFacts?.[name];
        if (!offer || other.plugin.id === plugin.id) continue;
        return (await offer(customerId, buildPluginContext(env, scope, other.plugin, other.settings, workspace, { ...options, enabled: [] }))) ?? null;
      }
      return null;
    },
    hasPluginAction: (pluginId: string, action: string) => Boolean(enabledOther(pluginId)?.plugin.actions?.[action]),
    // Run with the declaring plugin's own context; its writes come back for the caller's batch.
    async pluginAction(pluginId: string, name: string, input: unknown) {
      const other = enabledOther(pluginId);
      if (!other) throw new PluginActionError("plugin_not_enabled", pluginId, name);
      const action = other.plugin.actions?.[name];
      if (!action) throw new PluginActionError("unknown_action", pluginId, name);
      const parsed = (action.input as z.ZodType).safeParse(input);
      if (!parsed.success) throw new PluginActionError("invalid_input", pluginId, name, { issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) });
      let result;
      try {
        result = await action.run(parsed.data, buildPluginContext(env, scope, other.plugin, other.settings, workspace, { ...options, enabled: [] }));
      } catch (error) {
        if (error instanceof ActionRefusal) throw new PluginActionError("refused", pluginId, name, { reason: error.reason });
        throw error;
      }
      return { output: (action.output as z.ZodType).parse(result.output), statements: result.statements };
    },
  } as PluginContext<S>;
  scopes.set(scope.db, scope);
  return context;
}

/** The caller as a plugin sees it: ids and a permission test, not core's actor record. */
export function pluginActor(actor: Actor): PluginActor {
  return { userId: actor.userId, apiKeyId: actor.apiKeyId, can: (permission) => actor.permissions.has(permission) };
}

/**
 * Inside a plugin's route handler: the context of the plugin the request was routed to, with the
 * caller (`actor`) and the request's language (`locale`). Give the settings' and events' types:
 * `pluginContext<Settings, typeof events>(c)`, so `ctx.event` takes only your events.
 */
export function pluginContext<S = Record<string, unknown>, E extends EventMap = {}>(c: Context): RouteContext<S, E> {
  const mounted = c.get("plugin");
  if (!mounted) throw new Problem(404, "not_found");
  return mounted.context as RouteContext<S, E>;
}
