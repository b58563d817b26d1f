// The customers contract: create, read, list, look up by any identifier.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema } from "../data/cursor";
import { conflictResponse, problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { CustomerCreateInput, CustomerSchema } from "./customer.schemas";

const customerResponse = (description: string) => ({ description, content: { "application/json": { schema: CustomerSchema } } });

export const RevealQuery = z.object({
  reveal: z
    .enum(["pii"])
    .optional()
    .openapi({ description: "`pii` shows mobile, e-mail, national code and address unmasked; needs `customers.pii:read` and is audited." }),
});

export const CustomerIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "cus_01jd…" }) });

export const createCustomerRoute = guardedRoute("customers:write", {
  method: "post",
  path: "/api/customers",
  tags: ["Customers"],
  summary: "Create a customer",
  description: "Identifiers are accepted in any common form (Persian digits, +98, spaces) and stored normalized. The workspace's CID kind is required.",
  request: { body: { content: { "application/json": { schema: CustomerCreateInput } }, required: true } },
  responses: { 201: customerResponse("The new customer (masked unless the caller holds PII permission)."), ...problemResponses, ...conflictResponse },
});

export const getCustomerRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/customers/{id}",
  tags: ["Customers"],
  summary: "A customer's profile",
  request: { params: CustomerIdParam, query: RevealQuery },
  responses: { 200: customerResponse("The customer."), ...problemResponses },
});

export const lookupCustomerRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/customers/lookup",
  tags: ["Customers"],
  summary: "Find the customer behind any identifier",
  description: "Takes a mobile, e-mail, national code, customer code or username in any common form.",
  request: { query: RevealQuery.extend({ identifier: z.string().min(1).max(254).openapi({ example: "۰۹۱۲ ۱۲۳ ۴۵۶۷" }) }) },
  responses: { 200: customerResponse("The customer the identifier belongs to."), ...problemResponses },
});

export const CustomerListQuery = RevealQuery.extend(pageQuery);

export const listCustomersRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/customers",
  tags: ["Customers"],
  summary: "List customers, newest first",
  request: { query: CustomerListQuery },
  responses: { 200: { description: "A page of customers.", content: { "application/json": { schema: pageSchema(CustomerSchema) } } }, ...problemResponses },
});
