// The second edition of the plugin contract, as a plugin author meets it: mistakes stop the Worker
// at start-up with a named code; a route knows its caller and language; a guarded batch never
// overdraws; settings follow changed defaults; a schedule's clock is its tick; public pages;
// actions one plugin offers others.
import { z } from "@hono/zod-openapi";
import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { createPluginTestbed, countRows, workerFor } from "../../../test/support/plugin-harness";
import { anonymous, ApiClient, signUp } from "../../../test/support/client";
import { punchClock, punchPlugin, stampsPlugin } from "../../../test/support/test-plugins";
import { interactions } from "../data/schema";
import { createPluginRouter, defineAction, definePlugin, newId, PluginActionError, pluginContext, pluginPublicRoute, pluginRoute, type Statement } from "../../plugin-api";
import { validatePlugins } from "./validate-plugins";

const minimal = { id: "ok", name: { en: "Ok", fa: "باشه" }, description: { en: "Ok", fa: "باشه" }, version: "1.0.0", settings: z.object({}) };
const get = (path: string, permission: string) =>
  createPluginRouter().openapi(pluginRoute(permission, { method: "get", path, responses: { 200: { description: "Ok." } } }), (c) => c.body(null, 200));

describe("mistakes caught at start-up", () => {
  it.each([
    ["PLUGIN_UNKNOWN_PERMISSION", /GET \/cards is guarded by "ok:veiw", which is neither core's nor declared in permissions/, { ...minimal, permissions: [{ key: "ok:view", description: minimal.name }], routes: get("/cards", "ok:veiw") }],
    ["PLUGIN_UNKNOWN_PERMISSION", /ui.page.permission "ok:manage" is neither core's nor declared/, { ...minimal, routes: get("/ui/page", "customers:read"), ui: { page: { title: minimal.name, source: "/ui/page", permission: "ok:manage" } } }],
    ["PLUGIN_UI_SOURCE_NOT_FOUND", /ui.customerPanel.source "\/ui\/customer\/\{customerId\}" is none of the plugin's GET routes \(\/ui\/customers\/\{\}\)/, { ...minimal, routes: get("/ui/customers/{customerId}", "customers:read"), ui: { customerPanel: { title: minimal.name, source: "/ui/customer/{customerId}" } } }],
    ["PLUGIN_BULK_SEND_WITHOUT_PAGE", /ui.bulkSend opens the plugin's page with \?list=\{listId\}: declare ui.page too/, { ...minimal, ui: { bulkSend: { label: { en: "Send", fa: "ارسال" } } } }],
    ["PLUGIN_UNKNOWN_PERMISSION", /ui.bulkSend.permission "ok:send" is neither core's nor declared/, { ...minimal, routes: get("/ui/page", "customers:read"), ui: { page: { title: minimal.name, source: "/ui/page" }, bulkSend: { label: minimal.name, permission: "ok:send" } } }],
    ["PLUGIN_MISSING_TEXT", /ui.bulkSend.label needs both en and fa/, { ...minimal, routes: get("/ui/page", "customers:read"), ui: { page: { title: minimal.name, source: "/ui/page" }, bulkSend: { label: { en: "Send" } } } }],
    ["PLUGIN_UNKNOWN_EVENT", /no event "order.payed" exists/, { ...minimal, on: { "order.payed": () => {} } }],
    ["PLUGIN_SEGMENT_FIELD_TAKEN", /segment field "stages" is already core's/, { ...minimal, segmentFields: [{ name: "stages", schema: z.boolean(), compile: () => undefined as never }] }],
    ["PLUGIN_PUBLIC_ROUTE_GUARDED", /public route GET \/balance is guarded by "customers:read"/, { ...minimal, publicRoutes: get("/balance", "customers:read") }],
    ["PLUGIN_MESSAGE_TAKEN", /message "nothing_to_change" is core's/, { ...minimal, messages: { nothing_to_change: { en: "Nothing", fa: "هیچ" } } }],
  ])("stops with %s", (code, message, plugin) => {
    let caught: unknown;
    try {
      validatePlugins([plugin as never]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code, pluginId: "ok" });
    expect(String((caught as Error).message)).toMatch(message);
    console.info(String((caught as Error).message));
  });

  it("names the plugin that took a segment field first", () => {
    const field = { name: "visits", schema: z.boolean(), compile: () => undefined as never };
    expect(() => validatePlugins([{ ...minimal, id: "first", segmentFields: [field] }, { ...minimal, segmentFields: [{ ...field }] }] as never)).toThrow(/already declared by plugin "first"/);
  });

  it("offers a bulk-send destination on the plugin's page to the web app with the plugin list", async () => {
    const sender = definePlugin({
      ...minimal,
      id: "sender",
      routes: get("/ui/page", "customers:read"),
      ui: { page: { title: minimal.name, source: "/ui/page" }, bulkSend: { label: { en: "Send as a mailing", fa: "ارسال گروهی" }, permission: "messages:send" } },
    });
    expect(() => validatePlugins([sender] as never)).not.toThrow();
    const bed = await createPluginTestbed({ plugins: [sender] });
    const listed = await bed.owner.get("/api/plugins");
    expect(listed.body.items.find((plugin: { id: string }) => plugin.id === "sender").ui.bulkSend).toEqual({ label: { en: "Send as a mailing", fa: "ارسال گروهی" }, permission: "messages:send" });
  });

  it("accepts a public page made with pluginPublicRoute and the test plugins", () => {
    const publicRoutes = createPluginRouter().openapi(pluginPublicRoute({ method: "get", path: "/balance", responses: { 200: { description: "Ok." } } }), (c) => c.body(null, 200));
    expect(() => validatePlugins([stampsPlugin, punchPlugin, definePlugin({ ...minimal, publicRoutes })] as never)).not.toThrow();
  });
});

describe("a plugin route's caller and language", () => {
  it("knows the signed-in user, their language and what they may do", async () => {
    const bed = await createPluginTestbed({ plugins: [punchPlugin] });
    const mine = await bed.owner.withLanguage("fa").get("/api/plugins/punch/whoami");
    expect(mine.body).toEqual({ userId: bed.me.user.id, apiKeyId: null, canPunch: true, locale: "fa", greeting: "Hello" });
    const viewer = await bed.member("viewer");
    expect((await viewer.get("/api/plugins/punch/whoami")).body).toMatchObject({ canPunch: false, locale: "en" });
  });

  it("knows an API key, and its scopes", async () => {
    const bed = await createPluginTestbed({ plugins: [punchPlugin] });
    const key = await bed.owner.post("/api/api-keys", { name: "till", scopes: ["customers:read"] });
    const client = bed.client({ authorization: `Bearer ${key.body.key}` });
    expect((await client.get("/api/plugins/punch/whoami")).body).toMatchObject({ userId: bed.me.user.id, apiKeyId: key.body.id, canPunch: false });
  });
});

describe("a guarded batch (onlyIf)", () => {
  it("never gives more punches than the limit, however many requests race", async () => {
    const bed = await createPluginTestbed({ plugins: [punchPlugin] });
    const customer = (await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" })).body.id;
    const answers = await Promise.all(Array.from({ length: 6 }, () => bed.owner.post(`/api/plugins/punch/cards/${customer}/punch`)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    expect(await countRows("interactions", "workspace_id = ? and customer_id = ? and summary = 'punch'", bed.workspaceId, customer)).toBe(3);
    // A refused batch wrote nothing at all: no event for the punches that were refused.
    expect(await countRows("events", "workspace_id = ? and name = 'punch.given'", bed.workspaceId)).toBe(3);
  });
});

describe("settings", () => {
  it("stores only what a workspace set, so a changed default reaches every workspace that kept it", async () => {
    const chose = await createPluginTestbed({ plugins: [punchPlugin], settings: { punch: { greeting: "Salam" } } });
    const kept = await signUp({ worker: chose.worker });
    expect((await kept.owner.patch("/api/plugins/punch", { enabled: true, settings: { limit: 5 } })).status).toBe(200);
    const stored = await env.DB.prepare("select settings from workspace_plugins where workspace_id = ? and plugin_id = 'punch'").bind(kept.workspaceId).first<{ settings: string }>();
    expect(JSON.parse(stored!.settings)).toEqual({ limit: 5 });

    // The next version greets differently by default.
    const nextVersion = workerFor([definePlugin({ ...punchPlugin, version: "1.1.0", settings: z.object({ limit: z.number().int().min(1).max(20).default(3), greeting: z.string().min(1).default("Welcome") }) })]);
    const asChose = new ApiClient(chose.owner.headers, chose.owner.identity, nextVersion);
    const asKept = new ApiClient(kept.owner.headers, kept.owner.identity, nextVersion);
    expect((await asChose.get("/api/plugins/punch/whoami")).body.greeting).toBe("Salam");
    expect((await asKept.get("/api/plugins/punch/whoami")).body.greeting).toBe("Welcome");
    const listed = (await asKept.get("/api/plugins")).body.items[0];
    expect(listed.settings).toEqual({ limit: 5, greeting: "Welcome" });
  });
});

describe("schedules", () => {
  it("see the tick's time as now, however late the job runs", async () => {
    const bed = await createPluginTestbed({ plugins: [punchPlugin] });
    const at = new Date("2031-05-01T10:00:00Z");
    await bed.tick(at);
    expect(punchClock.filter((run) => run.workspaceId === bed.workspaceId)).toEqual([{ workspaceId: bed.workspaceId, now: at.getTime() }]);
  });
});

describe("public pages", () => {
  it("answer without a session where the plugin is enabled, in the visitor's language, and 404 elsewhere", async () => {
    const bed = await createPluginTestbed({ plugins: [punchPlugin] });
    const customer = (await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" })).body.id;
    await bed.owner.post(`/api/plugins/punch/cards/${customer}/punch`);
    const visitor = anonymous(bed.worker);
    const page = `/p/punch/${bed.workspaceId}/cards/${customer}`;
    expect((await visitor.withLanguage("fa").get(page)).body).toEqual({ punches: 1, text: "مهرهای شما" });

    const other = await signUp({ worker: bed.worker });
    expect((await other.owner.patch("/api/plugins/punch", { enabled: true })).status).toBe(200);
    // Another workspace in the path: nothing of this one is there.
    const elsewhere = await visitor.get(`/p/punch/${other.workspaceId}/cards/${customer}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ path: "path.customerId", code: "not_found" })]);
    expect((await visitor.get(`/p/punch/no_such_workspace/cards/${customer}`)).status).toBe(404);
    await bed.owner.patch("/api/plugins/punch", { enabled: false });
    expect((await visitor.get(page)).status).toBe(404);
    // Published, with no security requirement.
    const published = (await visitor.get("/openapi.json")).body.paths["/p/punch/{workspaceId}/cards/{customerId}"];
    expect(published.get["x-permission"]).toBe("public");
  });

  it("are rate-limited per page, with a Retry-After", async () => {
    const bed = await createPluginTestbed({ plugins: [punchPlugin] });
    const visitor = new ApiClient({ "cf-connecting-ip": "203.0.113.7" }, {}, bed.worker);
    const page = `/p/punch/${bed.workspaceId}/cards/cus_unknown`;
    // One minute's window, however slowly this machine sends the requests.
    const clock = vi.spyOn(Date, "now").mockReturnValue(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await visitor.get(page)).status);
      expect(statuses.every((status) => status === 404)).toBe(true);
      const limited = await visitor.get(page);
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe("public_rate_limited");
      // The window started with the first request, a minute before it ends.
      expect(limited.headers.get("retry-after")).toBe("60");
    } finally {
      clock.mockRestore();
    }
  });
});

describe("actions one plugin offers others (ctx.pluginAction)", () => {
  // "notes" offers an action that notes something on a customer's timeline; "asker" runs it from a
  // route and commits its writes in its own batch, answering a refusal with its code.
  const notesPlugin = definePlugin({
    ...minimal,
    id: "notes",
    actions: {
      "add-note": defineAction({
        description: { en: "Notes a word on the timeline", fa: "یادداشتی روی سوابق" },
        input: z.object({ customerId: z.string().min(1), summary: z.string().min(1).max(20) }),
        output: z.object({ id: z.string() }),
        async run(input, ctx) {
          const id = newId("int");
          const note = ctx.db.insert(interactions).values({ id, workspaceId: ctx.workspaceId, customerId: input.customerId, type: "note", direction: "internal", summary: input.summary, occurredAt: ctx.now(), createdAt: ctx.now() });
          return { output: { id }, statements: [note] };
        },
      }),
    },
  });
  const askRoute = pluginRoute("customers:read", { method: "post", path: "/ask", responses: { 200: { description: "Ok." } } });
  const askerPlugin = definePlugin({
    ...minimal,
    id: "asker",
    routes: createPluginRouter().openapi(askRoute, async (c) => {
      const ctx = pluginContext(c);
      const { action, input } = await c.req.json<{ action: string; input: unknown }>();
      try {
        const done = await ctx.pluginAction<{ id: string }>("notes", action, input);
        if (done.statements.length) await ctx.db.batch(done.statements as [Statement, ...Statement[]]);
        return c.json({ offered: ctx.hasPluginAction("notes", action), output: done.output }, 200);
      } catch (error) {
        if (error instanceof PluginActionError) return c.json({ offered: ctx.hasPluginAction("notes", action), refused: error.code, issues: error.detail.issues ?? [] }, 200);
        throw error;
      }
    }),
  });

  it("refuses an action of a plugin the workspace has not enabled, and runs it (its writes in the caller's batch) once it is", async () => {
    const bed = await createPluginTestbed({ plugins: [notesPlugin, askerPlugin], enable: ["asker"] });
    const customerId = (await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" })).body.id;
    const ask = () => bed.owner.post("/api/plugins/asker/ask", { action: "add-note", input: { customerId, summary: "asked" } });
    expect((await ask()).body).toEqual({ offered: false, refused: "plugin_not_enabled", issues: [] });
    expect(await countRows("interactions", "workspace_id = ? and summary = 'asked'", bed.workspaceId)).toBe(0);

    expect((await bed.owner.patch("/api/plugins/notes", { enabled: true })).status).toBe(200);
    const done = await ask();
    expect(done.body).toEqual({ offered: true, output: { id: expect.stringMatching(/^int_/) } });
    expect(await countRows("interactions", "workspace_id = ? and customer_id = ? and summary = 'asked'", bed.workspaceId, customerId)).toBe(1);
    expect((await bed.owner.post("/api/plugins/asker/ask", { action: "remove-note", input: {} })).body).toMatchObject({ offered: false, refused: "unknown_action" });

    // Switched off again: refused again.
    expect((await bed.owner.patch("/api/plugins/notes", { enabled: false })).status).toBe(200);
    expect((await ask()).body).toMatchObject({ refused: "plugin_not_enabled" });
  });

  it("checks the input with the declaring plugin's schema before its code runs", async () => {
    const bed = await createPluginTestbed({ plugins: [notesPlugin, askerPlugin] });
    const customerId = (await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" })).body.id;
    const refused = await bed.owner.post("/api/plugins/asker/ask", { action: "add-note", input: { customerId, summary: "a summary far longer than twenty" } });
    expect(refused.body).toMatchObject({ offered: true, refused: "invalid_input", issues: [{ path: "summary", message: expect.any(String) }] });
    expect(await countRows("interactions", "workspace_id = ? and customer_id = ? and type = 'note'", bed.workspaceId, customerId)).toBe(0);
  });
});
