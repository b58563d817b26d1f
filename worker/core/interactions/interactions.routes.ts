// The interactions contract: log one against a customer; read the customer's timeline.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { InteractionCreateInput, LoggedInteractionSchema } from "./interaction.schemas";
import { TimelineEntrySchema } from "./timeline";

const CustomerIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "cus_01jd…" }) });

export const logInteractionRoute = guardedRoute("interactions:write", {
  method: "post",
  path: "/api/customers/{id}/interactions",
  tags: ["Interactions"],
  summary: "Log a call, message, visit, note, complaint or invoice with a customer",
  description:
    "Social-network messages (Instagram, Telegram, WhatsApp, ...) are type `social` with the network as `channel`. A call may carry its outcome and duration; a complaint starts `open`. With `followUp`, a task about the customer is created in the same batch (emits `task.created`). Emits `interaction.logged`.",
  request: { params: CustomerIdParam, body: { content: { "application/json": { schema: InteractionCreateInput } }, required: true } },
  responses: {
    201: { description: "The logged interaction (and the id of its follow-up task).", content: { "application/json": { schema: LoggedInteractionSchema } } },
    ...problemResponses,
  },
});

export const timelineRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/customers/{id}/timeline",
  tags: ["Interactions"],
  summary: "A customer's interactions and tasks, newest first",
  description:
    "Each entry has a `kind` and an `at`: an interaction stands at the time it occurred; a task at its due time, or at its creation when it has none (so open follow-ups lead the timeline). Tasks are shown to callers with `tasks:read`.",
  request: { params: CustomerIdParam, query: z.object(pageQuery) },
  responses: {
    200: { description: "A page of timeline entries.", content: { "application/json": { schema: pageSchema(TimelineEntrySchema) } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});
