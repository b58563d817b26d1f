// The message templates contract, and the SMS preview (parts, characters left, cost).
import { IdParam, guardedRoute, jsonBody, jsonResponse } from "../http/route";
import { conflictResponse, problemResponses } from "../http/problem.schema";
import { z } from "@hono/zod-openapi";
import { PreviewInput, PreviewSchema, TemplateInput, TemplateSchema, TemplateUpdate } from "./template.schemas";

export const listTemplatesRoute = guardedRoute("messages:send", {
  method: "get",
  path: "/api/messaging/templates",
  tags: ["Messaging"],
  summary: "The workspace's message templates, by name",
  responses: { 200: jsonResponse("The templates.", z.object({ items: z.array(TemplateSchema) })), 401: problemResponses[401], 403: problemResponses[403] },
});

export const createTemplateRoute = guardedRoute("settings:manage", {
  method: "post",
  path: "/api/messaging/templates",
  tags: ["Messaging"],
  summary: "Save a message template",
  description: "A placeholder not on the list is refused with a field error (`unknown_placeholder`); a name in use answers 409.",
  request: { body: jsonBody(TemplateInput) },
  responses: { 201: jsonResponse("The template.", TemplateSchema), ...problemResponses, ...conflictResponse },
});

export const updateTemplateRoute = guardedRoute("settings:manage", {
  method: "patch",
  path: "/api/messaging/templates/{id}",
  tags: ["Messaging"],
  summary: "Change a message template",
  request: { params: IdParam, body: jsonBody(TemplateUpdate) },
  responses: { 200: jsonResponse("The template as it is now.", TemplateSchema), ...problemResponses, ...conflictResponse },
});

export const deleteTemplateRoute = guardedRoute("settings:manage", {
  method: "delete",
  path: "/api/messaging/templates/{id}",
  tags: ["Messaging"],
  summary: "Delete a message template",
  description: "Messages already sent keep their text.",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted." }, 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] },
});

export const previewRoute = guardedRoute("messages:send", {
  method: "post",
  path: "/api/messaging/preview",
  tags: ["Messaging"],
  summary: "An SMS text's encoding, parts, characters left and estimated cost",
  request: { body: jsonBody(PreviewInput) },
  responses: { 200: jsonResponse("The count and the cost.", PreviewSchema), ...problemResponses },
});
