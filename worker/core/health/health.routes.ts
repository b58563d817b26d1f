// Liveness and readiness: answers only when the database answers.
import { z } from "@hono/zod-openapi";
import { createRouter } from "../http/router";
import { publicRoute } from "../http/route";

const healthRoute = publicRoute({
  method: "get",
  path: "/healthz",
  tags: ["System"],
  summary: "Health check",
  responses: {
    200: { description: "The Worker and its database answer.", content: { "application/json": { schema: z.object({ status: z.literal("ok"), database: z.literal("ok") }) } } },
  },
});

export const healthRoutes = createRouter().openapi(healthRoute, async (c) => {
  await c.env.DB.prepare("select 1").first();
  return c.json({ status: "ok" as const, database: "ok" as const }, 200);
});
