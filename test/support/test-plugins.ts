// Small plugins that exercise the runtime: one that does a bit of everything, one that fails a
// set number of times before it succeeds, and one that always fails. Their effects are notes on
// the customer's timeline, so tests can count them.
import { z } from "@hono/zod-openapi";
import { interactions } from "../../worker/core/data/schema";
import { sql } from "drizzle-orm";
import {
  createPluginRouter,
  definePlugin,
  HookRejection,
  isConstraintError,
  newId,
  onlyIf,
  pluginContext,
  pluginNotFound,
  pluginPublicRoute,
  pluginRoute,
  publicContext,
  UiSurface,
  uiSurface,
  type HookContext,
  type PluginContext,
} from "../../worker/plugin-api";

/** A hook effect: a note on the customer's timeline. */
function noteFor(ctx: HookContext<unknown>, customerId: string, summary: string) {
  return (ctx.db as any).insert(interactions).values({
    id: newId("int"),
    workspaceId: ctx.workspaceId,
    customerId,
    type: "note",
    direction: "internal",
    summary,
    occurredAt: ctx.now(),
    createdAt: ctx.now(),
  });
}

export const scheduleCalls: Array<{ workspaceId: string; job: string; at: number }> = [];

const helloRoute = pluginRoute("customers:read", {
  method: "get",
  path: "/hello",
  tags: ["Stamps"],
  summary: "Says hello with the workspace's note",
  responses: { 200: { description: "Hello.", content: { "application/json": { schema: z.object({ note: z.string(), workspaceId: z.string() }) } } } },
});

const giveRoute = pluginRoute("stamps:give", {
  method: "post",
  path: "/give",
  tags: ["Stamps"],
  summary: "Gives a stamp",
  responses: { 200: { description: "Given.", content: { "application/json": { schema: z.object({ given: z.boolean() }) } } } },
});

const stampsSettings = z.object({
  note: z.string().min(1).max(40).default("stamped"),
  limit: z.number().int().min(1).max(10).default(3),
  failSchedule: z.boolean().default(false),
});

export const stampsPlugin = definePlugin({
  id: "stamps",
  name: { en: "Stamps", fa: "مهرها" },
  description: { en: "Stamps customers.", fa: "به مشتریان مهر می‌زند." },
  version: "1.0.0",
  permissions: [{ key: "stamps:give", description: { en: "Give stamps", fa: "مهر زدن" }, grantTo: ["manager"] }],
  settings: stampsSettings,
  events: { "stamps.given": z.object({ customerId: z.string() }) },
  routes: createPluginRouter()
    .openapi(helloRoute, (c) => {
      const ctx = pluginContext<z.infer<typeof stampsSettings>>(c);
      return c.json({ note: ctx.settings.note, workspaceId: ctx.workspaceId }, 200);
    })
    .openapi(giveRoute, (c) => c.json({ given: true }, 200)),
  before: {
    "customer.created": (input) => {
      if (input.firstName === "Blocked") throw new HookRejection({ en: "blocked names are not allowed", fa: "نام مسدود مجاز نیست" }, "firstName");
      return { ...input, tags: [...input.tags, "stamped"] };
    },
  },
  on: {
    "customer.created": (event, ctx) => {
      ctx.write(noteFor(ctx as HookContext<unknown>, event.payload.customerId, ctx.settings.note), ctx.event("stamps.given", { customerId: event.payload.customerId }));
    },
    "stamps.given": (event, ctx) => {
      ctx.write(noteFor(ctx as HookContext<unknown>, event.payload.customerId, "stamp seen"));
    },
  },
  schedules: [
    {
      id: "hourly-stamp",
      timing: { every: "hour" },
      run: (ctx) => {
        if (ctx.settings.failSchedule) throw new Error("this workspace's schedule fails");
        scheduleCalls.push({ workspaceId: ctx.workspaceId, job: "hourly-stamp", at: ctx.now() });
      },
    },
    {
      id: "morning-stamp",
      timing: { every: "day", at: "09:00" },
      run: (ctx) => void scheduleCalls.push({ workspaceId: ctx.workspaceId, job: "morning-stamp", at: ctx.now() }),
    },
  ],
  ui: { customerPanel: { title: { en: "Stamps", fa: "مهرها" }, source: "/hello" } },
});

/** Fails the first `failures` deliveries of each event, then writes its note. */
export const flakyAttempts = new Map<string, number>();
export const flakyPlugin = definePlugin({
  id: "flaky",
  name: { en: "Flaky", fa: "ناپایدار" },
  description: { en: "Fails before it succeeds.", fa: "پیش از موفقیت شکست می‌خورد." },
  version: "1.0.0",
  settings: z.object({ failures: z.number().int().min(0).default(2) }),
  on: {
    "customer.created": (event, ctx) => {
      const attempt = (flakyAttempts.get(event.id) ?? 0) + 1;
      flakyAttempts.set(event.id, attempt);
      if (attempt <= ctx.settings.failures) throw new Error(`flaky failure ${attempt}`);
      ctx.write(noteFor(ctx as HookContext<unknown>, event.payload.customerId, "flaky delivered"));
    },
  },
});

/** Always fails, until `brokenPlugin.fixed` is set. */
export const brokenState = { fixed: false };
export const brokenPlugin = definePlugin({
  id: "broken",
  name: { en: "Broken", fa: "خراب" },
  description: { en: "Always fails.", fa: "همیشه شکست می‌خورد." },
  version: "1.0.0",
  settings: z.object({}),
  on: {
    "customer.created": (event, ctx) => {
      if (!brokenState.fixed) throw new Error("broken hook");
      ctx.write(noteFor(ctx as HookContext<unknown>, event.payload.customerId, "broken delivered"));
    },
  },
});

/**
 * A punch card, written on the second edition of the contract: a route that reads who is calling
 * and in which language, a guarded write that never gives more punches than the limit however
 * many requests race, a public page, a panel, and an hourly job that records its clock. Punches
 * are timeline notes ("punch"), so tests can count them.
 */
export const punchEvents = { "punch.given": z.object({ customerId: z.string(), punches: z.number().int() }) };
const punchSettings = z.object({ limit: z.number().int().min(1).max(20).default(3), greeting: z.string().min(1).default("Hello") });
type PunchSettings = z.infer<typeof punchSettings>;
export const punchClock: Array<{ workspaceId: string; now: number }> = [];

const punchesOf = (ctx: PluginContext<unknown>, customerId: string) =>
  sql`(select count(*) from ${interactions} where ${interactions.workspaceId} = ${ctx.workspaceId} and ${interactions.customerId} = ${customerId} and ${interactions.summary} = 'punch')`;

const CustomerParam = z.object({ customerId: z.string().min(1).max(64).openapi({ param: { name: "customerId", in: "path" } }) });

export const punchPlugin = definePlugin({
  id: "punch",
  name: { en: "Punch card", fa: "کارت مهر" },
  description: { en: "A punch per visit, up to a limit.", fa: "یک مهر برای هر مراجعه، تا سقف." },
  version: "1.0.0",
  permissions: [{ key: "punch:give", description: { en: "Punch cards", fa: "مهر زدن کارت" } }],
  settings: punchSettings,
  events: punchEvents,
  routes: createPluginRouter()
    .openapi(pluginRoute("signed-in", { method: "get", path: "/whoami", responses: { 200: { description: "The caller.", content: { "application/json": { schema: z.object({ userId: z.string(), apiKeyId: z.string().nullable(), canPunch: z.boolean(), locale: z.string(), greeting: z.string() }) } } } } }), (c) => {
      const ctx = pluginContext<PunchSettings, typeof punchEvents>(c);
      return c.json({ userId: ctx.actor.userId, apiKeyId: ctx.actor.apiKeyId, canPunch: ctx.actor.can("punch:give"), locale: ctx.locale, greeting: ctx.settings.greeting }, 200);
    })
    .openapi(pluginRoute("punch:give", { method: "post", path: "/cards/{customerId}/punch", request: { params: CustomerParam }, responses: { 201: { description: "Punched." }, 409: { description: "Full." } } }), async (c) => {
      const ctx = pluginContext<PunchSettings, typeof punchEvents>(c);
      const { customerId } = c.req.valid("param");
      const note = ctx.db.insert(interactions).values({ id: newId("int"), workspaceId: ctx.workspaceId, customerId, type: "note", direction: "internal", summary: "punch", occurredAt: ctx.now(), createdAt: ctx.now() });
      try {
        await ctx.db.batch([
          note,
          // After the insert: the card may hold `limit` punches, this one included.
          onlyIf(ctx, "card-full", sql`${punchesOf(ctx, customerId)} <= ${ctx.settings.limit}`),
          ctx.event("punch.given", { customerId, punches: 1 }),
        ]);
      } catch (error) {
        if (isConstraintError(error, "card-full")) return c.json({ full: true }, 409);
        throw error;
      }
      return c.json({ full: false }, 201);
    })
    .openapi(pluginRoute("customers:read", { method: "get", path: "/panel/{customerId}", request: { params: CustomerParam }, responses: { 200: { description: "Blocks.", content: { "application/json": { schema: UiSurface } } } } }), (c) =>
      c.json(uiSurface([{ type: "text", text: { en: "Punches", fa: "مهرها" } }]), 200),
    ),
  publicRoutes: createPluginRouter().openapi(
    pluginPublicRoute({ method: "get", path: "/cards/{customerId}", request: { params: CustomerParam }, responses: { 200: { description: "The card.", content: { "application/json": { schema: z.object({ punches: z.number(), text: z.string() }) } } } } }),
    async (c) => {
      const ctx = publicContext<PunchSettings, typeof punchEvents>(c);
      const { customerId } = c.req.valid("param");
      const row = await ctx.db.select({ n: sql<number>`${punchesOf(ctx, customerId)}` }).from(sql`(select 1)`).get();
      if (!row?.n) throw pluginNotFound("customerId", "path");
      return c.json({ punches: row.n, text: ctx.locale === "fa" ? "مهرهای شما" : "Your punches" }, 200);
    },
  ),
  schedules: [{ id: "hourly-clock", timing: { every: "hour" }, run: (ctx) => void punchClock.push({ workspaceId: ctx.workspaceId, now: ctx.now() }) }],
  ui: { customerPanel: { title: { en: "Punch card", fa: "کارت مهر" }, source: "/panel/{customerId}", permission: "punch:give" } },
});
