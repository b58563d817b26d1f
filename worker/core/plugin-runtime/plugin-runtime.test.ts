import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createPluginTestbed, countRows } from "../../../test/support/plugin-harness";
import { stampsPlugin } from "../../../test/support/test-plugins";
import { definePlugin } from "../../plugin-api";
import { PluginDefinitionError } from "./plugin-definition-error";
import { validatePlugins } from "./validate-plugins";

const minimal = { id: "ok", name: { en: "Ok", fa: "باشه" }, description: { en: "Ok", fa: "باشه" }, version: "1.0.0", settings: z.object({}) };

describe("checking plugin definitions at start-up", () => {
  it.each([
    ["PLUGIN_INVALID_ID", { ...minimal, id: "Bad Id" }],
    ["PLUGIN_INVALID_VERSION", { ...minimal, version: "one" }],
    ["PLUGIN_MISSING_TEXT", { ...minimal, name: { en: "Ok", fa: "" } }],
    ["PLUGIN_PERMISSION_PREFIX", { ...minimal, permissions: [{ key: "other:do", description: minimal.name }] }],
    ["PLUGIN_SETTINGS_DEFAULTS", { ...minimal, settings: z.object({ required: z.string() }) }],
    ["PLUGIN_EVENT_PREFIX", { ...minimal, events: { "other.happened": z.object({}) } }],
    ["PLUGIN_UNKNOWN_EVENT", { ...minimal, on: { "nothing.happened": () => {} } }],
    ["PLUGIN_UNKNOWN_BEFORE_EVENT", { ...minimal, before: { "customer.deleted": (input: unknown) => input } }],
    ["PLUGIN_INVALID_SCHEDULE", { ...minimal, schedules: [{ id: "a", timing: { every: "day", at: "25:00" }, run: () => {} }] }],
  ])("stops with %s", (code, plugin) => {
    expect(() => validatePlugins([plugin as never])).toThrow(expect.objectContaining({ code }));
  });

  it("refuses two plugins with one id", () => {
    expect(() => validatePlugins([minimal, minimal] as never)).toThrow(PluginDefinitionError);
  });

  it("accepts the test plugins and a minimal one", () => {
    expect(() => validatePlugins([stampsPlugin, definePlugin(minimal)] as never)).not.toThrow();
  });
});

describe("enabling plugins per workspace", () => {
  it("lists plugins with their state, settings schema and UI contributions", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin], enable: [] });
    const list = await bed.owner.get("/api/plugins");
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: "stamps", enabled: false, settings: { note: "stamped", limit: 3, failSchedule: false }, ui: stampsPlugin.ui }),
    ]);
    expect(list.body.items[0].settingsSchema.properties.limit).toMatchObject({ type: "integer", minimum: 1, maximum: 10 });
  });

  it("answers 404 on a disabled plugin's routes, and serves them once enabled", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin], enable: [] });
    expect((await bed.owner.get("/api/plugins/stamps/hello")).status).toBe(404);
    expect((await bed.owner.patch("/api/plugins/stamps", { enabled: true, settings: { note: "hi there" } })).status).toBe(200);
    const hello = await bed.owner.get("/api/plugins/stamps/hello");
    expect(hello.body).toEqual({ note: "hi there", workspaceId: bed.workspaceId });
    expect((await bed.owner.patch("/api/plugins/stamps", { enabled: false })).status).toBe(200);
    expect((await bed.owner.get("/api/plugins/stamps/hello")).status).toBe(404);
  });

  it("keeps settings when a plugin is disabled and enabled again", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin], settings: { stamps: { limit: 7 } } });
    await bed.owner.patch("/api/plugins/stamps", { enabled: false });
    const again = await bed.owner.patch("/api/plugins/stamps", { enabled: true });
    expect(again.body.settings.limit).toBe(7);
  });

  it("refuses bad settings with the field's path, and changes nothing", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    const before = await countRows("workspace_plugins", "workspace_id = ? and settings like '%\"limit\":3%'", bed.workspaceId);
    const response = await bed.owner.withLanguage("fa").patch("/api/plugins/stamps", { settings: { limit: 99, note: "" } });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["body.settings.limit", "body.settings.note"]);
    expect(await countRows("workspace_plugins", "workspace_id = ? and settings like '%\"limit\":3%'", bed.workspaceId)).toBe(before);
  });

  it("needs plugins:manage to change a plugin, and audits the change", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    const manager = await bed.member("manager");
    expect((await manager.patch("/api/plugins/stamps", { enabled: false })).status).toBe(403);
    expect(await countRows("audit_log", "workspace_id = ? and action = 'plugin.configured'", bed.workspaceId)).toBe(1);
  });

  it("puts plugin permissions in the role catalogue and enforces them on plugin routes", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    const roles = await bed.owner.get("/api/roles");
    expect(roles.body.permissions).toContain("stamps:give");
    expect((await bed.owner.post("/api/plugins/stamps/give")).status).toBe(200);
    expect((await (await bed.member("manager")).post("/api/plugins/stamps/give")).status).toBe(200);
    expect((await (await bed.member("agent")).post("/api/plugins/stamps/give")).status).toBe(403);
  });

  it("publishes plugin routes in /openapi.json under the plugin's tag", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    const document = (await bed.owner.get("/openapi.json")).body;
    expect(document.paths["/api/plugins/stamps/hello"].get).toMatchObject({ tags: ["Stamps"], "x-permission": "customers:read" });
  });
});

describe("before hooks", () => {
  it("may change the input before it is written", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    const created = await bed.owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567", tags: ["vip"] });
    expect(created.status).toBe(201);
    expect(created.body.tags).toEqual(["vip", "stamped"]);
  });

  it("rejects with 422 naming the plugin, in the caller's language, and writes nothing", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    const response = await bed.owner.withLanguage("fa").post("/api/customers", { firstName: "Blocked", mobile: "09121234567" });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: "rejected_by_plugin", plugin: "stamps" });
    expect(response.body.detail).toContain("نام مسدود مجاز نیست");
    expect(response.body.errors[0].path).toBe("body.firstName");
    expect(await countRows("customers", "workspace_id = ?", bed.workspaceId)).toBe(0);
    expect(await countRows("events", "workspace_id = ?", bed.workspaceId)).toBe(0);
  });

  it("does not run for a workspace that has the plugin disabled", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin], enable: [] });
    const created = await bed.owner.post("/api/customers", { firstName: "Blocked", mobile: "09121234567" });
    expect(created.status).toBe(201);
    expect(created.body.tags).toEqual([]);
  });
});
