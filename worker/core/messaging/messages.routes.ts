// The customer messages contract: send an SMS or e-mail to a customer; list what was sent.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema } from "../data/cursor";
import { conflictResponse, problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { MessageSchema, MessageSendInput } from "./message.schemas";

const CustomerIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "cus_01jd…" }) });
const messageResponse = (description: string) => ({ description, content: { "application/json": { schema: MessageSchema } } });

export const sendMessageRoute = guardedRoute("messages:send", {
  method: "post",
  path: "/api/customers/{id}/messages",
  tags: ["Messaging"],
  summary: "Send an SMS or e-mail to a customer through the workspace's provider",
  description:
    "Respects consent: without `granted` consent for the channel (or without a mobile / e-mail) nothing is sent and the message is recorded as `skipped` with its `reason`. A provider failure is recorded as `failed`, not returned as an error. The same `idempotencyKey` never sends twice: a repeat answers 200 with the first message.",
  request: { params: CustomerIdParam, body: { content: { "application/json": { schema: MessageSendInput } }, required: true } },
  responses: {
    201: messageResponse("The message, with what became of it."),
    200: messageResponse("The key was used before: the first message, nothing sent again (`Idempotent-Replayed: true`)."),
    ...problemResponses,
    ...conflictResponse,
  },
});

export const listMessagesRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/customers/{id}/messages",
  tags: ["Messaging"],
  summary: "A customer's messages, newest first, with their delivery status",
  request: { params: CustomerIdParam, query: z.object(pageQuery) },
  responses: {
    200: { description: "A page of messages.", content: { "application/json": { schema: pageSchema(MessageSchema) } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});
