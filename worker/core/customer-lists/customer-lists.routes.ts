// The static-lists contract: named sets of customers, created, listed, deleted, and changed by
// adding or removing customers. A list's customers are the customer list filtered by `listId`,
// and a segment filter's `lists` field, so a list is an audience wherever a segment is.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema } from "../data/cursor";
import { conflictResponse, problemResponses } from "../http/problem.schema";
import { guardedRoute, IdParam, jsonBody, jsonResponse } from "../http/route";

export const CustomerListSchema = z
  .object({ id: z.string(), name: z.string(), size: z.number().int(), createdAt: z.string(), updatedAt: z.string() })
  .openapi("CustomerList");

const ids = z.array(z.string().min(1).max(64)).max(200);

export const CustomerListCreateInput = z.object({ name: z.string().trim().min(1).max(100).openapi({ example: "Yalda gift box" }) }).strict();
export const ListMembersInput = z
  .object({ add: ids.optional(), remove: ids.optional() })
  .strict()
  .refine((body) => (body.add?.length ?? 0) + (body.remove?.length ?? 0) > 0, { message: "nothing_to_change" })
  .openapi("ListMembersChange", { description: "For more than 200 customers, use a bulk action (`add_to_list`)." });

export const listCustomerListsRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/lists",
  tags: ["Lists"],
  summary: "Static lists, newest first",
  request: { query: z.object(pageQuery) },
  responses: { 200: jsonResponse("A page of lists.", pageSchema(CustomerListSchema)), ...problemResponses },
});

export const createCustomerListRoute = guardedRoute("customers:write", {
  method: "post",
  path: "/api/lists",
  tags: ["Lists"],
  summary: "Create a static list",
  request: { body: jsonBody(CustomerListCreateInput) },
  responses: { 201: jsonResponse("The new, empty list.", CustomerListSchema), ...problemResponses, ...conflictResponse },
});

export const deleteCustomerListRoute = guardedRoute("customers:write", {
  method: "delete",
  path: "/api/lists/{id}",
  tags: ["Lists"],
  summary: "Delete a static list (its customers stay)",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted." }, ...problemResponses },
});

export const changeListMembersRoute = guardedRoute("customers:write", {
  method: "post",
  path: "/api/lists/{id}/members",
  tags: ["Lists"],
  summary: "Add customers to a list or remove them",
  description: "Customers already on the list, or not live in this workspace, are skipped when added.",
  request: { params: IdParam, body: jsonBody(ListMembersInput) },
  responses: { 200: jsonResponse("The list as it now is.", CustomerListSchema), ...problemResponses },
});
