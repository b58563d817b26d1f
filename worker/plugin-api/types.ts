// The plugin contract's types. A plugin is a value of PluginDefinition, made with definePlugin.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "@hono/zod-openapi";
import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { AppEnv } from "../core/http/context";
import type { CoreEventName, CoreEventPayload } from "../core/events/event-catalog";
import type { BeforeEventName, BeforeEventInput } from "../core/plugin-runtime/before-events";

/** Text in both of the product's languages. */
export interface Localized {
  en: string;
  fa: string;
}

export type Database = DrizzleD1Database<Record<string, unknown>>;
export type Statement = BatchItem<"sqlite">;

export interface PluginPermission {
  /** `<plugin id>:<action>`, e.g. "loyalty:adjust". */
  key: string;
  description: Localized;
  /** Built-in roles that hold it in a new workspace, besides owner and admin (who hold everything). */
  grantTo?: Array<"manager" | "agent" | "viewer">;
}

/** Names and payloads a hook can receive: core events plus the plugin's own. */
export type EventPayload<N extends string, Own extends Record<string, z.ZodType>> = N extends CoreEventName
  ? CoreEventPayload<N>
  : N extends keyof Own
    ? z.infer<Own[N]>
    : never;

export interface DeliveredEvent<N extends string = string, P = Record<string, unknown>> {
  id: string;
  name: N;
  payload: P;
  workspaceId: string;
  actorUserId: string | null;
  /** When the change happened (epoch ms). */
  createdAt: number;
}

export type MessageChannel = "sms" | "email";
/** `transactional`: receipts, one-time codes, a coupon the customer asked for; `marketing`: everything else. */
export type MessagePurpose = "transactional" | "marketing";

/** Why core did not send (recorded on the message, shown in the log and timeline). */
export type MessageSkipReason =
  | "no_consent" // consent for the channel not granted at send time (includes opted out)
  | "no_address" // no mobile / e-mail
  | "capped" // marketing frequency cap per customer and channel reached
  | "daily_limit"; // the workspace's daily marketing limit reached

export interface SendRequest {
  customerId: string;
  channel: MessageChannel;
  purpose: MessagePurpose;
  /** A saved template of the workspace, by name; rendered in the customer's language. */
  template?: string;
  /** Or the text itself: one text, or one per language (the customer's language is chosen). */
  body?: string | Localized;
  /** E-mail only. */
  subject?: string | Localized;
  /** Placeholder values: {firstName}, {lastName}, {shopName} are filled by core; others from here. */
  variables?: Record<string, string | number>;
  /** A URL put behind a short link of the workspace (/s/{code}); fills {link}. */
  link?: { url: string; expiresAt?: number };
  /** Not before this time (epoch ms); marketing then still obeys quiet hours. */
  notBefore?: number;
  /** Same key (per sender) never sends twice; a repeated call returns the first result. */
  idempotencyKey: string;
}

export type SendResult =
  | { status: "sent"; messageId: string } // handed to the provider / outbox
  | { status: "deferred"; messageId: string; until: number } // core sends it at `until` (quiet hours, notBefore)
  | { status: "skipped"; messageId: string; reason: MessageSkipReason }
  | { status: "failed"; messageId: string; error: string };

export interface SmsPreview {
  encoding: "gsm7" | "ucs2";
  /** Counted in the encoding's units (GSM-7 extension chars count 2). */
  characters: number;
  parts: number;
  /** Before the next part starts. */
  charactersLeft: number;
  /** From the workspace's per-provider price per part; null when no price is set. */
  cost: { amount: number; currency: string } | null;
}

export interface MessagingPolicy {
  /** "09:00"–"21:00": marketing is sent only inside. */
  quietHours: { start: string; end: string };
  /** Marketing per customer per channel (24 h / 7 days). */
  caps: { perDay: number; perWeek: number };
  /** Workspace marketing sends per local day. */
  dailyLimit: number | null;
  timeZone: string;
}

export interface MessagingApi {
  /** Sends through the workspace's provider under its policy (consent, quiet hours, caps); the same key never sends twice. */
  send(request: SendRequest): Promise<SendResult>;
  /** Parts, encoding and cost of an SMS text (after rendering a template with sample values). */
  preview(request: {
    channel: MessageChannel;
    body?: string;
    template?: string;
    locale?: "fa" | "en";
    recipients?: number;
  }): Promise<SmsPreview & { recipients: number; totalCost: { amount: number; currency: string } | null }>;
  /** A short link (/s/{code}) to a URL; counted per message when messageId is given. */
  shortLink(input: { url: string; expiresAt?: number; messageId?: string }): Promise<{ code: string; url: string }>;
  /** The workspace's sending policy (to estimate skips and deferrals for an audience). */
  policy(): Promise<MessagingPolicy>;
}

/** A plugin's own events: name → payload schema. */
export type EventMap = Record<string, z.ZodType>;

/** What every plugin callback gets: its workspace, its settings and the means to act. */
export interface PluginContext<Settings = unknown, Events extends EventMap = EventMap> {
  readonly pluginId: string;
  readonly workspaceId: string;
  readonly settings: Settings;
  /** The workspace's database. Every query must filter by workspaceId. */
  readonly db: Database;
  readonly env: Env;
  /** The workspace's time zone (IANA), for anything that depends on the local date. */
  readonly timeZone: string;
  /** The language to write in: the caller's in a route, the workspace's in hooks and schedules. */
  readonly locale: "fa" | "en";
  /** The workspace's currency (amounts are integers in its minor units; see formatMoney). */
  readonly currency: string;
  /** The current time (epoch ms); in a scheduled job, the time the job was due to run. */
  now(): number;
  /** An insert of one of the plugin's own events (checked against `events`), to put in the same db.batch as the change it announces. */
  event<N extends keyof Events & string>(name: N, payload: z.input<Events[N]>): Statement;
  readonly messaging: MessagingApi;
  /**
   * Queues one of the plugin's own `jobs` for this workspace on the jobs queue: it runs in an
   * invocation of its own (the plan's D1 queries per invocation), after `delaySeconds` (at most
   * 12 hours) if given. At least once: a job may run again, so make its effect idempotent.
   */
  enqueue(job: string, payload: Record<string, unknown>, options?: { delaySeconds?: number }): Promise<void>;
  /**
   * A fact about a customer that another plugin enabled in the workspace offers through its
   * `customerFacts` (e.g. `"referralCode"` from the loyalty club); null when no enabled plugin
   * offers it, or it has none for this customer.
   */
  customerFact(name: string, customerId: string): Promise<string | null>;
  /**
   * Runs an action another plugin declares in its `actions` (e.g. `("loyalty", "issue-coupon",
   * input)`), with that plugin's settings and context; the input is checked by its schema. Answers
   * the output and the writes, which the caller commits in ITS batch (an `on` hook: `ctx.write`),
   * so the action happens once with the caller's own step. Throws PluginActionError
   * (`plugin_not_enabled`, `unknown_action`, `invalid_input`).
   */
  pluginAction<O = unknown>(pluginId: string, action: string, input: unknown): Promise<PluginActionResult<O>>;
  /** Whether another plugin enabled in the workspace offers this action now (an editor says what a step needs). */
  hasPluginAction(pluginId: string, action: string): boolean;
}

/** What an action answers: its output, and its writes for the caller's batch (none when it had happened already). */
export interface PluginActionResult<O = unknown> {
  output: O;
  statements: Statement[];
}

/**
 * Something a plugin does for other plugins (`ctx.pluginAction(id, name, input)`): the loyalty
 * club issues a coupon for the automation's flow. `run` gets the declaring plugin's context and
 * the parsed input; it writes nothing itself but answers its writes as statements, and takes a
 * key from the caller so that a repeated call (once its writes are committed) changes nothing
 * and answers the first output.
 */
export interface PluginAction<Settings = any, Events extends EventMap = EventMap, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  description: Localized;
  input: I;
  output: O;
  run(input: z.infer<I>, ctx: PluginContext<Settings, Events>): Promise<PluginActionResult<z.input<O>>>;
}

/** Who is calling a plugin route: a signed-in user or an API key (then `userId` is its creator). */
export interface PluginActor {
  readonly userId: string;
  readonly apiKeyId: string | null;
  /** Whether the caller holds a permission (core's, e.g. "customers.pii:read", or a plugin's). */
  can(permission: string): boolean;
}

/** A route handler's context (`pluginContext(c)`): the plugin context plus who is calling. */
export interface RouteContext<Settings = unknown, Events extends EventMap = EventMap> extends PluginContext<Settings, Events> {
  readonly actor: PluginActor;
}

/** A public route's context (`publicContext(c)`): no caller, the workspace named in the path. */
export type PublicContext<Settings = unknown, Events extends EventMap = EventMap> = PluginContext<Settings, Events>;

/** An `on` hook's context: writes given to `write` commit together with the delivery receipt. */
export interface HookContext<Settings = unknown, Events extends EventMap = EventMap> extends PluginContext<Settings, Events> {
  /** Statements committed in one batch with this delivery's receipt: applied once, even if the event comes again. */
  write(...statements: Statement[]): void;
}

export type OnHook<Settings, P, Events extends EventMap = EventMap> = (event: DeliveredEvent<string, P>, ctx: HookContext<Settings, Events>) => Promise<void> | void;

/** A `before` hook returns the (possibly changed) input, or throws HookRejection. */
export type BeforeHook<Settings, I, Events extends EventMap = EventMap> = (input: I, ctx: PluginContext<Settings, Events>) => Promise<I> | I;

/**
 * A segment filter field a plugin adds (e.g. `loyaltyTiers`): saved segments and previews accept
 * `{ [name]: value }`, validated by `schema`; `compile` returns a condition on `customersTable`
 * (an `exists (select 1 from <your table> where … = customersTable.id)`), always by workspace.
 */
export interface PluginSegmentField<T = any> {
  name: string;
  schema: z.ZodType<T>;
  compile(value: T, where: { workspaceId: string; timeZone: string }): SQL;
}

export type ScheduleTiming = { every: "minute" } | { every: "hour" } | { every: "day"; at: `${number}:${number}` };

/**
 * A plugin's queued work, run from the jobs queue one message per invocation (see
 * `ctx.enqueue`): a chunk of a long task that queues the next. `payload` is what was enqueued
 * (JSON); validate it. Throwing retries the job later (a few times).
 */
export type PluginJob<Settings, Events extends EventMap = EventMap> = (payload: Record<string, unknown>, ctx: JobContext<Settings, Events>) => Promise<void> | void;

/** A queued job's context: the plugin context plus what is left of its invocation's D1 queries. */
export interface JobContext<Settings = unknown, Events extends EventMap = EventMap> extends PluginContext<Settings, Events> {
  /**
   * The D1 queries this invocation may still make under the plan's limit
   * (`D1_QUERIES_PER_INVOCATION`), counted from every query of the invocation (core's too). A job
   * that does its work item by item stops when the next item might not fit, and queues the rest.
   */
  queriesLeft(): number;
}

export interface PluginSchedule<Settings, Events extends EventMap = EventMap> {
  id: string;
  /** Every minute, hourly, or daily at a local time in the workspace's time zone ("03:00"). */
  timing: ScheduleTiming;
  /** `ctx.now()` is the time the job was due (the cron tick), not the moment it happens to run. */
  run(ctx: PluginContext<Settings, Events>): Promise<void> | void;
}

/**
 * What the plugin adds to the web UI. Each surface names a GET route of the plugin (relative to
 * /api/plugins/{id}) answering `{ blocks }` (see ui-blocks.ts); the UI shows a surface only where
 * the plugin is enabled and the user holds `permission` (when given).
 */
export interface PluginUi {
  /** A panel on the customer page; `{customerId}` in `source` takes the customer's id. */
  customerPanel?: { title: Localized; source: string; order?: number; permission?: string };
  /** A page of its own in the navigation, at /plugins/{id} in the UI. */
  page?: { title: Localized; source: string; icon?: string; permission?: string };
  /** A card on the dashboard. */
  dashboardCard?: { title: Localized; source: string; order?: number; permission?: string };
  /**
   * A way to send to many customers at once, offered by the customers list's bulk bar in place of
   * core's SMS and e-mail: the selection becomes a new static list and the UI opens the plugin's
   * `page` with `?list={listId}`. Needs `page`; shown where the user may see the page and holds
   * `permission` (when given).
   */
  bulkSend?: { label: Localized; permission?: string };
}

export interface PluginDefinition<Settings extends z.ZodObject = z.ZodObject, OwnEvents extends EventMap = EventMap> {
  /** Lower-case slug: it names the folder, the route prefix and the permission prefix. */
  id: string;
  name: Localized;
  description: Localized;
  version: string;
  permissions?: PluginPermission[];
  /** Every setting with a default, so a newly enabled plugin works at once. */
  settings: Settings;
  /** The plugin's own events ("loyalty.tier_changed") and their payloads. */
  events?: OwnEvents;
  /** Segment filter fields the plugin adds (checked at start-up: no name may be taken). */
  segmentFields?: PluginSegmentField[];
  /** Mounted at /api/plugins/{id}; reachable only where enabled, behind auth and permissions. */
  routes?: OpenAPIHono<AppEnv>;
  /**
   * Pages and forms for people without an account (a survey answer, a points balance), mounted at
   * /p/{id}/{workspaceId}/…: no session, rate-limited, reachable only where the plugin is enabled.
   */
  publicRoutes?: OpenAPIHono<AppEnv>;
  // NoInfer: the plugin's own events are taken from `events`, never guessed from the hooks.
  before?: NoInfer<{ [N in BeforeEventName]?: BeforeHook<z.infer<Settings>, BeforeEventInput<N>, OwnEvents> }>;
  on?: NoInfer<{ [N in CoreEventName | (keyof OwnEvents & string)]?: OnHook<z.infer<Settings>, EventPayload<N, OwnEvents>, OwnEvents> }>;
  schedules?: NoInfer<PluginSchedule<z.infer<Settings>, OwnEvents>[]>;
  /** Jobs the plugin queues with `ctx.enqueue(name, payload)`, by name. */
  jobs?: NoInfer<Record<string, PluginJob<z.infer<Settings>, OwnEvents>>>;
  ui?: PluginUi;
  /** Facts about a customer other plugins may ask for by name (`ctx.customerFact`), e.g. `referralCode`. */
  customerFacts?: NoInfer<Record<string, (customerId: string, ctx: PluginContext<z.infer<Settings>, OwnEvents>) => Promise<string | null>>>;
  /**
   * Words for the codes your schemas' refinements use as messages (`ctx.addIssue({ message:
   * "split_total_100" })`): a 400's `errors[].message` then reads in the caller's language.
   */
  messages?: Record<string, Localized>;
  /** Actions other plugins may run by name (`ctx.pluginAction(id, name, input)`), e.g. the loyalty club's `issue-coupon`. */
  actions?: NoInfer<Record<string, PluginAction<z.infer<Settings>, OwnEvents, any, any>>>;
}
