// The workspace's message log and SMS replies: every message with filters, the replies no
// customer could be found for, and the outbox's simulated delivery report and reply (so the
// whole round trip can be tried locally, through the same code as a provider's callback).
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { IdParam, jsonBody, jsonResponse, guardedRoute } from "../http/route";
import { MessageSchema } from "./message.schemas";
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, MESSAGE_STATUSES } from "./messaging.schema";
import { SmsCallbackReceipt } from "./sms-webhooks.routes";

const IsoTime = z.string().datetime({ offset: true }).openapi({ example: "2026-12-01T00:00:00Z" });

export const MessageLogQuery = z.object({
  ...pageQuery,
  channel: z.enum(MESSAGE_CHANNELS).optional(),
  purpose: z.enum(MESSAGE_PURPOSES).optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  customerId: z.string().min(1).max(64).optional(),
  from: IsoTime.optional().openapi({ description: "Messages created at or after this time." }),
  to: IsoTime.optional().openapi({ description: "Messages created before this time." }),
});

export const listMessageLogRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/messages",
  tags: ["Messaging"],
  summary: "The workspace's messages, newest first, filtered by channel, purpose, status, customer and time",
  description: "Recipients are always masked (0912*****67); a full number is revealed (and audited) on the customer's record.",
  request: { query: MessageLogQuery },
  responses: { 200: jsonResponse("A page of messages.", pageSchema(MessageSchema)), 400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403] },
});

export const UnmatchedReplySchema = z
  .object({
    id: z.string(),
    from: z.string().openapi({ description: "The sender; masked (0935*****67) without `customers.pii:read`." }),
    text: z.string(),
    receivedAt: z.string(),
  })
  .openapi("UnmatchedSmsReply");

export const listUnmatchedRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/messaging/unmatched",
  tags: ["Messaging"],
  summary: "SMS replies from numbers no customer has, newest first",
  description: "Nothing else was created for them: no customer, no interaction, no event.",
  request: { query: z.object(pageQuery) },
  responses: { 200: jsonResponse("A page of replies.", pageSchema(UnmatchedReplySchema)), 400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403] },
});

export const simulateReportRoute = guardedRoute("messages:send", {
  method: "post",
  path: "/api/messages/{id}/simulated-report",
  tags: ["Messaging"],
  summary: "Mark an outbox message delivered (or failed) as a provider's report would",
  description: "Only for messages kept by the outbox (`recorded`): goes through the same code as a provider's callback, so the status changes once and `message.delivered` / `message.failed` is emitted once.",
  request: {
    params: IdParam,
    body: jsonBody(z.object({ status: z.enum(["delivered", "failed"]), reason: z.string().trim().min(1).max(300).optional() }).strict().openapi("SimulatedReport")),
  },
  responses: { 200: jsonResponse("The message after the report.", MessageSchema), ...problemResponses },
});

export const simulateReplyRoute = guardedRoute("messages:send", {
  method: "post",
  path: "/api/messaging/simulated-reply",
  tags: ["Messaging"],
  summary: "Receive an SMS reply as the outbox provider (local trial)",
  description: "Only while SMS uses the outbox: the reply goes through the same code as a provider's callback (matched by mobile in any form, opt-out words honoured, unknown senders listed as unmatched).",
  request: {
    body: jsonBody(
      z.object({ from: z.string().trim().min(3).max(40), text: z.string().trim().min(1).max(2000), inReplyToMessageId: z.string().max(64).optional() }).strict().openapi("SimulatedReply"),
    ),
  },
  responses: { 200: jsonResponse("What the reply changed.", SmsCallbackReceipt), ...problemResponses },
});
