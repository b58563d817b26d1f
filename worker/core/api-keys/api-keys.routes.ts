// The API-keys contract: list keys (never the key itself), create one (shown once), revoke one.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, IdParam } from "../http/route";
import { PermissionListSchema } from "../roles/permission-catalogue";

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The key's first characters, to recognise it.", example: "crm_Xk2p9QaB" }),
    scopes: z.array(z.string()),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiKey");

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: "The full key. It is shown only in this response; store it now." }),
}).openapi("CreatedApiKey");


export const listApiKeysRoute = guardedRoute("api_keys:manage", {
  method: "get",
  path: "/api/api-keys",
  tags: ["API keys"],
  summary: "The workspace's API keys, newest first (the keys themselves are never shown again)",
  request: { query: z.object(pageQuery) },
  responses: {
    200: { description: "A page of keys.", content: { "application/json": { schema: pageSchema(ApiKeySchema) } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const createApiKeyRoute = guardedRoute("api_keys:manage", {
  method: "post",
  path: "/api/api-keys",
  tags: ["API keys"],
  summary: "Create an API key with scopes",
  description:
    "Each scope must be a known permission held by the caller. The key acts for the caller and never holds more than the caller holds at the time of use. Send it as `Authorization: Bearer <key>`.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            name: z.string().trim().min(1).max(80).openapi({ example: "WooCommerce sync" }),
            scopes: PermissionListSchema.min(1),
            expiresAt: z.iso
              .datetime({ offset: true })
              .optional()
              .openapi({ description: "When the key stops working; omit for a key that lasts until revoked." }),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: "The new key, shown this once.", content: { "application/json": { schema: CreatedApiKeySchema } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const revokeApiKeyRoute = guardedRoute("api_keys:manage", {
  method: "delete",
  path: "/api/api-keys/{id}",
  tags: ["API keys"],
  summary: "Revoke an API key at once",
  description: "A key acts as the person who made it, so revoking someone else's key follows the rule for managing that person: only an owner revokes an owner's key (403 `owner_only`), and nobody revokes the key of someone holding permissions they lack (403).",
  request: { params: IdParam },
  responses: {
    204: { description: "Revoked; the key is refused from now on." },
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});
