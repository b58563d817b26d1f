// The contract of connecting a shop in one step through its REST API: connect (check the keys,
// create the webhooks, start the history import), follow or restart the import, disconnect.
import { z } from "@hono/zod-openapi";
import { ConnectionIdParam, ConnectionSchema } from "../connections/connection.schemas";
import { conflictResponse, problemResponses } from "../http/problem.schema";
import { guardedRoute, jsonBody, jsonResponse } from "../http/route";
import { DisconnectResultSchema, ShopConnectInput, ShopImportSchema } from "./shop-api.schemas";

const TAGS = ["Shop connections"];

export const connectShopRoute = guardedRoute("connections:manage", {
  method: "post",
  path: "/api/connections/connect",
  tags: TAGS,
  summary: "Connect a WooCommerce or Shopify shop in one step",
  description:
    "Checks the API credentials with the shop, creates a webhook in the shop for every topic the CRM reads (our URL; for WooCommerce a generated secret), stores the credentials sealed (never shown again) and starts importing the shop's existing customers and orders through the jobs queue. Wrong credentials: 400 naming the field; nothing is stored. A shop address that is not a public https site: 400 on `shopUrl`.",
  request: { body: jsonBody(ShopConnectInput) },
  responses: {
    201: jsonResponse("The connection, and its history import when one was started.", ConnectionSchema.extend({ import: ShopImportSchema.nullable() })),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    503: { description: "The shop asked us to wait (429); try again after Retry-After." },
  },
});

export const shopImportRoute = guardedRoute("connections:manage", {
  method: "get",
  path: "/api/connections/{id}/import",
  tags: TAGS,
  summary: "The connection's latest history import and its progress",
  request: { params: ConnectionIdParam },
  responses: { 200: jsonResponse("The import, or null when none was run.", z.object({ import: ShopImportSchema.nullable() })), ...problemResponses },
});

export const startShopImportRoute = guardedRoute("connections:manage", {
  method: "post",
  path: "/api/connections/{id}/import",
  tags: TAGS,
  summary: "Import the shop's history (again)",
  description: "Reads every customer and order again; records already here are left as they are (or moved forward), never doubled. Refused (409) while an import runs.",
  request: { params: ConnectionIdParam },
  responses: { 202: jsonResponse("The import started.", z.object({ import: ShopImportSchema })), ...problemResponses, ...conflictResponse },
});

export const disconnectShopRoute = guardedRoute("connections:manage", {
  method: "post",
  path: "/api/connections/{id}/disconnect",
  tags: TAGS,
  summary: "Disconnect a shop: delete the webhooks the CRM created there and forget its API credentials",
  description: "The connection is disabled (deliveries answered 404) and kept with its deliveries and orders; a running history import stops.",
  request: { params: ConnectionIdParam },
  responses: { 200: jsonResponse("The connection as it is now, and what happened to its webhooks.", ConnectionSchema.extend(DisconnectResultSchema.shape)), ...problemResponses },
});

export const connectionHealthRoute = guardedRoute("connections:manage", {
  method: "get",
  path: "/api/connections/{id}/health",
  tags: TAGS,
  summary: "A connection's health: last delivery, deliveries rejected in the last 24 h, import progress, a warning when silent for days",
  request: { params: ConnectionIdParam },
  responses: {
    200: jsonResponse(
      "The connection's health.",
      z
        .object({
          lastDeliveryAt: z.string().nullable(),
          failuresLast24h: z.number().int(),
          silentDays: z.number().int().openapi({ description: "Whole days since the last delivery (or since it was connected)." }),
          silentWarning: z.boolean().openapi({ description: "An enabled connection that has heard nothing for 3 days or more." }),
          import: ShopImportSchema.nullable(),
        })
        .openapi("ConnectionHealth"),
    ),
    ...problemResponses,
  },
});
