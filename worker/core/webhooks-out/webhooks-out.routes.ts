// The outgoing-webhooks contract: subscribe public https URLs to events, change or remove a
// subscription, rotate its signing secret, and read its recent delivery attempts.
import { pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, jsonResponse } from "../http/route";
import {
  WebhookAttemptSchema,
  WebhookCreateInput,
  WebhookIdParam,
  WebhookListQuery,
  WebhookSchema,
  WebhookUpdateInput,
  WebhookWithSecretSchema,
} from "./webhook.schemas";

const TAGS = ["Outgoing webhooks"];
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const SIGNING =
  "Each delivery is a POST signed per Standard Webhooks: `webhook-id` (the event id, the same on every retry), `webhook-timestamp` and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with the secret's bytes). The body is `{ type, timestamp, data }`. Redirects are not followed; a 410 disables the subscription; any other non-2xx is retried with back-off.";

export const listWebhooksRoute = guardedRoute("webhooks:manage", {
  method: "get",
  path: "/api/webhooks",
  tags: TAGS,
  summary: "The workspace's webhook subscriptions, newest first, with their delivery health",
  request: { query: WebhookListQuery },
  responses: {
    200: jsonResponse("A page of subscriptions (never their secrets).", pageSchema(WebhookSchema)),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const createWebhookRoute = guardedRoute("webhooks:manage", {
  method: "post",
  path: "/api/webhooks",
  tags: TAGS,
  summary: "Subscribe a URL to events",
  description: SIGNING,
  request: { body: body(WebhookCreateInput) },
  responses: {
    201: jsonResponse("The subscription and its signing secret, shown this once.", WebhookWithSecretSchema),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const updateWebhookRoute = guardedRoute("webhooks:manage", {
  method: "patch",
  path: "/api/webhooks/{id}",
  tags: TAGS,
  summary: "Change a subscription's URL, events or description, or disable / re-enable it",
  request: { params: WebhookIdParam, body: body(WebhookUpdateInput) },
  responses: { 200: jsonResponse("The subscription as it is now.", WebhookSchema), ...problemResponses },
});

export const deleteWebhookRoute = guardedRoute("webhooks:manage", {
  method: "delete",
  path: "/api/webhooks/{id}",
  tags: TAGS,
  summary: "Remove a subscription and its delivery history",
  request: { params: WebhookIdParam },
  responses: { 204: { description: "Removed; nothing more is sent to it." }, 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] },
});

export const rotateWebhookSecretRoute = guardedRoute("webhooks:manage", {
  method: "post",
  path: "/api/webhooks/{id}/rotate-secret",
  tags: TAGS,
  summary: "Replace the signing secret",
  description: "The old secret stops at once: every delivery from now on, retries included, is signed with the new one.",
  request: { params: WebhookIdParam },
  responses: {
    200: jsonResponse("The subscription and its new secret, shown this once.", WebhookWithSecretSchema),
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});

export const listWebhookDeliveriesRoute = guardedRoute("webhooks:manage", {
  method: "get",
  path: "/api/webhooks/{id}/deliveries",
  tags: TAGS,
  summary: "A subscription's delivery attempts, newest first",
  request: { params: WebhookIdParam, query: WebhookListQuery },
  responses: { 200: jsonResponse("A page of attempts.", pageSchema(WebhookAttemptSchema)), ...problemResponses },
});
