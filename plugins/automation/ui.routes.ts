// The contract of the automation page: the blocks the web UI renders, and the editor's dry run.
import { z } from "@hono/zod-openapi";
import { pluginRoute, problemResponses, UiSurface } from "../../worker/plugin-api";
import { AUTOMATION_PERMISSIONS as P } from "./permissions";

export const pageRoute = pluginRoute(P.read, {
  method: "get",
  path: "/ui/page",
  tags: ["Marketing automation"],
  summary: "The automation page; with `flow`, that flow's step editor; with `list`, the composer for that static list (the customers list's selection)",
  request: { query: z.object({ flow: z.string().min(1).max(64).optional(), list: z.string().min(1).max(64).optional() }) },
  responses: { 200: { description: "The page's blocks.", content: { "application/json": { schema: UiSurface } } }, ...problemResponses },
});

export const customerPanelRoute = pluginRoute(P.read, {
  method: "get",
  path: "/ui/customer/{customerId}",
  tags: ["Marketing automation"],
  summary: "The customer page's panel: the flows and campaigns a customer is in, and what they were sent",
  request: { params: z.object({ customerId: z.string().min(1).max(64).openapi({ param: { name: "customerId", in: "path" } }) }) },
  responses: { 200: { description: "The panel's blocks.", content: { "application/json": { schema: UiSurface } } }, ...problemResponses },
});

export const flowDryRunViewRoute = pluginRoute(P.read, {
  method: "post",
  path: "/ui/flows/{flowId}/dry-run",
  tags: ["Marketing automation"],
  summary: "The editor's dry run: a customer found by name or mobile, and what each step of the draft would do to them from now (sends and changes nothing)",
  request: {
    params: z.object({ flowId: z.string().min(1).max(64).openapi({ param: { name: "flowId", in: "path" } }) }),
    body: { required: true, content: { "application/json": { schema: z.object({ customer: z.string().trim().min(1).max(100) }).strict() } } },
  },
  responses: { 200: { description: "The dry run's blocks.", content: { "application/json": { schema: UiSurface } } }, ...problemResponses },
});
