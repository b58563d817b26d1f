// The isolation test's probe catches a plugin that leaks: a route that forgets to filter by
// workspace answers A with B's row, and the probe reports it (as the suite would for a registered
// plugin), while a plugin that filters passes.
import { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interactions } from "../../worker/core/data/schema";
import { createPluginRouter, definePlugin, pluginContext, pluginNotFound, pluginRoute } from "../../worker/plugin-api";
import type { PluginTestFixtures } from "../../worker/plugin-api/testing";
import { signUp } from "../support/client";
import { enableAndSeedPlugins, pluginLeaks } from "../support/isolation-probe";
import { workerFor } from "../support/plugin-harness";
import { publishedRoutes } from "../support/routes";

/** A notes plugin whose lookup filters by workspace only when `careful`. */
function notesPlugin(careful: boolean) {
  const NoteParam = z.object({ noteId: z.string().min(1).max(64).openapi({ param: { name: "noteId", in: "path" } }) });
  return definePlugin({
    id: "notes",
    name: { en: "Notes", fa: "یادداشت‌ها" },
    description: { en: "Shows a note.", fa: "یادداشتی را نشان می‌دهد." },
    version: "1.0.0",
    settings: z.object({}),
    routes: createPluginRouter().openapi(
      pluginRoute("customers:read", { method: "get", path: "/notes/{noteId}", request: { params: NoteParam }, responses: { 200: { description: "The note.", content: { "application/json": { schema: z.object({ summary: z.string() }) } } } } }),
      async (c) => {
        const ctx = pluginContext(c);
        const { noteId } = c.req.valid("param");
        const byId = eq(interactions.id, noteId);
        const note = await ctx.db.select({ summary: interactions.summary }).from(interactions).where(careful ? and(eq(interactions.workspaceId, ctx.workspaceId), byId) : byId).get();
        if (!note) throw pluginNotFound("noteId", "path");
        return c.json(note, 200);
      },
    ),
  });
}

const fixtures: PluginTestFixtures = {
  async seed(owner, { customerId }) {
    return { noteId: (await owner.post(`/api/customers/${customerId}/interactions`, { type: "note", summary: "B's secret" })).body.id };
  },
};

async function probe(careful: boolean) {
  const plugin = notesPlugin(careful);
  const worker = workerFor([plugin]);
  const b = await signUp({ worker });
  const customerB = (await b.owner.post("/api/customers", { firstName: "Nasrin", mobile: "09121234567" })).body.id;
  const idsOfB = await enableAndSeedPlugins(b.owner, [plugin], { customerId: customerB, workspaceId: b.workspaceId }, () => fixtures);
  const a = await signUp({ worker });
  const customerA = (await a.owner.post("/api/customers", { firstName: "Sara", mobile: "09351112233" })).body.id;
  await enableAndSeedPlugins(a.owner, [plugin], { customerId: customerA, workspaceId: a.workspaceId }, () => fixtures);
  return pluginLeaks(a.owner, await publishedRoutes(worker), idsOfB, a.workspaceId, () => fixtures);
}

describe("the isolation probe", () => {
  it("reports a plugin route that answers another workspace's id", async () => {
    expect(await probe(false)).toEqual(["GET /api/plugins/notes/notes/{noteId}: 200"]);
  });

  it("passes a plugin that filters by workspace", async () => {
    expect(await probe(true)).toEqual([]);
  });
});
