// The SMS providers' callback contract: delivery reports and inbound replies, posted (or, where
// a provider calls by GET, put in the query) to the connection's unguessable path.
import { z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { Problem } from "../http/problem";
import { problemResponses } from "../http/problem.schema";
import { jsonResponse, publicRoute } from "../http/route";

export const SmsCallbackReceipt = z
  .object({
    reports: z.object({ applied: z.number().int(), repeated: z.number().int(), unknown: z.number().int() }),
    replies: z.object({ matched: z.number().int(), unmatched: z.number().int(), repeated: z.number().int() }),
  })
  .openapi("SmsCallbackReceipt");

const params = z.object({
  provider: z.string().max(20).openapi({ param: { name: "provider", in: "path" }, enum: ["outbox", "kavenegar", "ippanel", "smsir"] }),
  connectionId: z.string().max(64).openapi({ param: { name: "connectionId", in: "path" } }),
});

const limitBody = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new Problem(413, "payload_too_large");
  },
});

const description = [
  "The address is the SMS provider settings' `callbackUrl`; its path is the key (none of these providers signs its callbacks), so an unknown connection, or one whose provider is not the one in the path, is a 404.",
  "Formats: Kavenegar — form or query `messageid` + `status` (10 delivered; 6, 11, 13, 14 failed), or a reply `messageid`, `from`, `to`, `message`. IPPanel — JSON (one item or `{data: [...]}`): `bulk_id`, `recipient`, `message_status` (2 delivered; 3, 4 failed), or a reply `messages_inbox_id`, `from`, `number`, `message`, `time`. SMS.ir — JSON: `messageId`, `mobile`, `deliveryState` (1 delivered; 2, 4, 6, 7 failed), or a reply `number`, `messageText`, `receivedDateTime`. outbox (local) — JSON `{messageId, status: \"delivered\"|\"failed\", reason?}` or `{from, text, id?, inReplyToMessageId?}`.",
  "A report changes a message once (`sent`/`recorded` → `delivered` | `failed`) and emits `message.delivered` / `message.failed`; sent again it is counted `repeated`. A reply from a customer's mobile (any form) becomes an inbound SMS interaction and `message.received`; an opt-out word withdraws SMS consent and is confirmed once; an unknown sender is listed at `GET /api/messaging/unmatched`. A callback whose every report names a message this workspace does not have is a 404; one carrying more than 4 items is a 413 (each is a few database queries, and one request has a budget).",
].join("\n\n");

const responses = {
  200: jsonResponse("What the callback changed.", SmsCallbackReceipt),
  404: problemResponses[404],
  413: { description: "The body is larger than 64 KB, or carries more than 4 reports and replies." },
};

export const postSmsCallbackRoute = publicRoute({
  method: "post",
  path: "/webhooks/sms/{provider}/{connectionId}",
  tags: ["SMS callbacks"],
  middleware: [limitBody] as const,
  summary: "Receive an SMS provider's delivery reports and replies",
  description,
  request: { params },
  responses,
});

export const getSmsCallbackRoute = publicRoute({
  method: "get",
  path: "/webhooks/sms/{provider}/{connectionId}",
  tags: ["SMS callbacks"],
  summary: "Receive an SMS provider's delivery report or reply given in the query string",
  description,
  request: { params },
  responses,
});
