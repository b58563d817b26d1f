// The shop-connections contract: connect a shop (WooCommerce, Shopify, a generic signed JSON
// source), list and change connections, and replace a connection's secret.
import { pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, jsonResponse } from "../http/route";
import {
  ConnectionCreateInput,
  ConnectionIdParam,
  ConnectionListQuery,
  ConnectionSchema,
  ConnectionUpdateInput,
  ConnectionWithSecretSchema,
  RotateSecretInput,
} from "./connection.schemas";

const TAGS = ["Shop connections"];
const HOW =
  "The shop posts to `webhookUrl` (POST /webhooks/{platform}/{connectionId}). WooCommerce and Shopify sign with the secret given here (base64 HMAC-SHA256 of the body in `X-WC-Webhook-Signature` / `X-Shopify-Hmac-Sha256`); a generic source signs per Standard Webhooks with the generated `whsec_` secret.";

export const listConnectionsRoute = guardedRoute("connections:manage", {
  method: "get",
  path: "/api/connections",
  tags: TAGS,
  summary: "The workspace's shop connections, newest first",
  request: { query: ConnectionListQuery },
  responses: {
    200: jsonResponse("A page of connections (never their secrets).", pageSchema(ConnectionSchema)),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const createConnectionRoute = guardedRoute("connections:manage", {
  method: "post",
  path: "/api/connections",
  tags: TAGS,
  summary: "Connect a shop",
  description: HOW,
  request: { body: { content: { "application/json": { schema: ConnectionCreateInput } }, required: true } },
  responses: {
    201: jsonResponse("The connection, its webhook URL and topics; a generated secret (generic, or woocommerce without one), shown this once.", ConnectionWithSecretSchema),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const updateConnectionRoute = guardedRoute("connections:manage", {
  method: "patch",
  path: "/api/connections/{id}",
  tags: TAGS,
  summary: "Rename a connection, or disable / re-enable it",
  request: { params: ConnectionIdParam, body: { content: { "application/json": { schema: ConnectionUpdateInput } }, required: true } },
  responses: { 200: jsonResponse("The connection as it is now.", ConnectionSchema), ...problemResponses },
});

export const rotateConnectionSecretRoute = guardedRoute("connections:manage", {
  method: "post",
  path: "/api/connections/{id}/rotate-secret",
  tags: TAGS,
  summary: "Replace a connection's secret",
  description:
    "Shopify: send the shop's new signing key. WooCommerce: send `{}` for a generated secret (shown this once, to paste in each webhook's Secret) or the one typed in the shop. Generic: send `{}`; a new `whsec_` secret is generated and shown this once. The old secret stops at once.",
  request: { params: ConnectionIdParam, body: { content: { "application/json": { schema: RotateSecretInput } }, required: true } },
  responses: { 200: jsonResponse("The connection (and, for generic, its new secret, shown this once).", ConnectionWithSecretSchema), ...problemResponses },
});
