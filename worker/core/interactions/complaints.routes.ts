// The complaints contract: the list of complaints to work through, and moving one along
// (open → in progress → resolved, or back when it comes up again).
import { z } from "@hono/zod-openapi";
import { pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { ComplaintListQuery, ComplaintSchema, ComplaintUpdateInput, InteractionSchema } from "./interaction.schemas";

export const listComplaintsRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/complaints",
  tags: ["Interactions"],
  summary: "Complaints still to work through, the longest waiting first",
  description: "Without `status`, open and in-progress complaints; with it, only that status. Keyset paging.",
  request: { query: ComplaintListQuery },
  responses: {
    200: { description: "A page of complaints.", content: { "application/json": { schema: pageSchema(ComplaintSchema) } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const updateComplaintRoute = guardedRoute("interactions:write", {
  method: "patch",
  path: "/api/complaints/{id}",
  tags: ["Interactions"],
  summary: "Change where a complaint stands",
  description: "Audited as `complaint.status_changed` with the status before and after.",
  request: {
    params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "int_01jd…" }) }),
    body: { content: { "application/json": { schema: ComplaintUpdateInput } }, required: true },
  },
  responses: {
    200: { description: "The complaint.", content: { "application/json": { schema: InteractionSchema } } },
    ...problemResponses,
  },
});
