// The incoming shop-webhook contract: the public receiver, and the deliveries a connection's
// owner can list and replay.
import { z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { CONNECTION_PLATFORMS } from "../connections/connections.schema";
import { pageQuery, pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { Problem } from "../http/problem";
import { guardedRoute, jsonResponse, publicRoute } from "../http/route";
import { DELIVERY_STATUSES } from "./webhooks-in.schema";


const ReceiptSchema = z
  .object({ id: z.string().openapi({ description: "The stored delivery." }), status: z.enum(["received", "duplicate"]) })
  .openapi("WebhookReceipt");

export const MAX_WEBHOOK_BODY = 1024 * 1024;

const limitBody = bodyLimit({
  maxSize: MAX_WEBHOOK_BODY,
  onError: () => {
    throw new Problem(413, "payload_too_large");
  },
});

export const receiveWebhookRoute = publicRoute({
  method: "post",
  path: "/webhooks/{platform}/{connectionId}",
  tags: ["Shop webhooks"],
  middleware: [limitBody] as const,
  summary: "Receive a shop's webhook (WooCommerce, Shopify or generic signed JSON)",
  description: [
    "The raw body (at most 1 MB) is verified before it is read: `woocommerce` by `X-WC-Webhook-Signature`, `shopify` by `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the body with the connection's secret), `generic` per Standard Webhooks (`webhook-id`, `webhook-timestamp` within 5 minutes, `webhook-signature`).",
    "A missing or wrong signature is a 401 and nothing is stored; an unknown or disabled connection is a 404. WooCommerce's ping at webhook creation (`webhook_id=<id>`, unsigned) is answered 200.",
    "A signed delivery is stored and answered 202 at once, then processed; the same delivery id again (`X-WC-Webhook-Delivery-ID`, `X-Shopify-Webhook-Id`, `webhook-id`) is answered 200 `duplicate` and not processed twice.",
    'Generic bodies: `{ "type": "order.upserted" | "customer.upserted", "data": { ... } }` as the README\'s "Shop webhooks" section documents.',
  ].join("\n\n"),
  request: {
    params: z.object({
      platform: z.string().max(40).openapi({ param: { name: "platform", in: "path" }, enum: [...CONNECTION_PLATFORMS] }),
      connectionId: z.string().max(64).openapi({ param: { name: "connectionId", in: "path" } }),
    }),
  },
  responses: {
    200: jsonResponse("A redelivery (`duplicate`), or WooCommerce's ping.", ReceiptSchema.or(z.object({ ok: z.literal(true) }))),
    202: jsonResponse("Stored; it is processed right after this answer.", ReceiptSchema),
    401: problemResponses[401],
    404: problemResponses[404],
    413: { description: "The body is larger than 1 MB." },
  },
});

export const DeliverySchema = z
  .object({
    id: z.string(),
    deliveryId: z.string().openapi({ description: "The shop's id of the delivery." }),
    topic: z.string().nullable(),
    status: z.enum(DELIVERY_STATUSES),
    reason: z.string().nullable().openapi({ description: "Why it was rejected (the field and what is wrong with it), or what processing did." }),
    redeliveries: z.number().int().openapi({ description: "How many times the shop sent it again." }),
    attempts: z.number().int().openapi({ description: "Processing attempts that failed for reasons other than the payload." }),
    receivedAt: z.string(),
    processedAt: z.string().nullable(),
  })
  .openapi("ShopDelivery");

const ConnectionParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });

export const listDeliveriesRoute = guardedRoute("connections:manage", {
  method: "get",
  path: "/api/connections/{id}/deliveries",
  tags: ["Shop connections"],
  summary: "A connection's received deliveries, newest first",
  request: { params: ConnectionParam, query: z.object({ ...pageQuery, status: z.enum(DELIVERY_STATUSES).optional() }) },
  responses: { 200: jsonResponse("A page of deliveries (without their bodies).", pageSchema(DeliverySchema)), ...problemResponses },
});

export const replayDeliveryRoute = guardedRoute("connections:manage", {
  method: "post",
  path: "/api/connections/{id}/deliveries/{deliveryId}/replay",
  tags: ["Shop connections"],
  summary: "Process a stored delivery again (after fixing the connection or the data)",
  description: "Processing is idempotent: replaying a delivery whose effect is already recorded changes nothing and ends `duplicate`.",
  request: { params: ConnectionParam.extend({ deliveryId: z.string().min(1).max(64).openapi({ param: { name: "deliveryId", in: "path" } }) }) },
  responses: { 200: jsonResponse("The delivery after processing.", DeliverySchema), ...problemResponses },
});

export const TEST_REFUSALS = ["connection_disabled", "webhook_signature_invalid"] as const;

export const sendTestDeliveryRoute = guardedRoute("connections:manage", {
  method: "post",
  path: "/api/connections/{id}/test",
  tags: ["Shop connections"],
  summary: "Send a test delivery to a connection and see what became of it",
  description: [
    "A sample in the platform's own format, signed with the connection's secret, goes through the same receiver as the shop's deliveries (connection check, signature, storage, processing) and is processed before this answers.",
    "`processed`: it arrived and was processed (it is listed among the deliveries; nothing is recorded from it). `rejected`: it arrived but processing refused it (`reason`). `refused`: the receiver refused it (`refusal`: the connection is disabled, or the signature did not verify) and nothing was stored.",
  ].join("\n\n"),
  request: { params: ConnectionParam },
  responses: {
    200: jsonResponse(
      "What became of the test delivery.",
      z
        .object({
          outcome: z.enum(["processed", "rejected", "received", "refused"]).openapi({ description: "`received`: stored, processing failed for now and will be retried." }),
          refusal: z.enum(TEST_REFUSALS).nullable(),
          reason: z.string().nullable(),
          delivery: DeliverySchema.nullable(),
        })
        .openapi("TestDeliveryResult"),
    ),
    ...problemResponses,
  },
});
