// The attribute definitions contract: list (anyone who reads customers, so the customer page can
// label and type its fields), add, change and remove (settings:manage).
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { AttributeDefinitionCreateInput, AttributeDefinitionSchema, AttributeDefinitionUpdateInput, AttributeKeyParam } from "./attribute.schemas";

export const listAttributeDefinitionsRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/attribute-definitions",
  tags: ["Customers"],
  summary: "The workspace's custom customer attributes",
  responses: {
    200: { description: "Every definition, in the order shown.", content: { "application/json": { schema: z.object({ items: z.array(AttributeDefinitionSchema) }) } } },
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const createAttributeDefinitionRoute = guardedRoute("settings:manage", {
  method: "post",
  path: "/api/attribute-definitions",
  tags: ["Customers"],
  summary: "Define a custom attribute",
  description: "From then on every customer write checks the attribute's values against its type. Audited.",
  request: { body: { content: { "application/json": { schema: AttributeDefinitionCreateInput } }, required: true } },
  responses: {
    201: { description: "The definition.", content: { "application/json": { schema: AttributeDefinitionSchema } } },
    ...problemResponses,
  },
});

export const updateAttributeDefinitionRoute = guardedRoute("settings:manage", {
  method: "patch",
  path: "/api/attribute-definitions/{key}",
  tags: ["Customers"],
  summary: "Change an attribute's labels, choices or order",
  description: "The type cannot change. Audited.",
  request: { params: AttributeKeyParam, body: { content: { "application/json": { schema: AttributeDefinitionUpdateInput } }, required: true } },
  responses: {
    200: { description: "The definition.", content: { "application/json": { schema: AttributeDefinitionSchema } } },
    ...problemResponses,
  },
});

export const deleteAttributeDefinitionRoute = guardedRoute("settings:manage", {
  method: "delete",
  path: "/api/attribute-definitions/{key}",
  tags: ["Customers"],
  summary: "Remove an attribute's definition",
  description: "Customers keep their stored values; they are no longer labelled or checked. Audited.",
  request: { params: AttributeKeyParam },
  responses: { 204: { description: "Removed." }, ...problemResponses },
});
