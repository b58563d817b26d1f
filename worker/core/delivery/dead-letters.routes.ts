// The dead-letter list: deliveries that failed every attempt, for an admin to see and retry.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";

export const DeadDeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventName: z.string(),
    target: z.string().openapi({ example: "plugin:loyalty" }),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    failedAt: z.string(),
    eventCreatedAt: z.string(),
  })
  .openapi("DeadDelivery");

export const listDeadRoute = guardedRoute("events:manage", {
  method: "get",
  path: "/api/events/dead",
  tags: ["Events"],
  summary: "Deliveries that failed every attempt",
  request: { query: z.object(pageQuery) },
  responses: { 200: { description: "Newest first.", content: { "application/json": { schema: pageSchema(DeadDeliverySchema) } } }, ...problemResponses },
});

export const retryDeadRoute = guardedRoute("events:manage", {
  method: "post",
  path: "/api/events/dead/{id}/retry",
  tags: ["Events"],
  summary: "Deliver a dead delivery again",
  description: "Queues the event for that one receiver again, with a fresh set of attempts. Audited.",
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) }) },
  responses: { 202: { description: "Queued.", content: { "application/json": { schema: z.object({ id: z.string(), status: z.literal("retrying") }) } } }, ...problemResponses },
});
