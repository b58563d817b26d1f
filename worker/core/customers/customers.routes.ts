// The customers contract: create, read, update, erase, list and search, look up by any identifier.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema } from "../data/cursor";
import { conflictResponse, problemResponses, tooManyRequestsResponse } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { CustomerCreateInput, CustomerSchema, CustomerUpdateInput } from "./customer.schemas";
import { LIFECYCLE_STAGES } from "./customers.schema";
import { CUSTOMER_SORTS } from "./customer-sort";

const customerResponse = (description: string) => ({ description, content: { "application/json": { schema: CustomerSchema } } });

export const RevealQuery = z.object({
  reveal: z
    .enum(["pii"])
    .optional()
    .openapi({ description: "`pii` shows mobile, e-mail, national code and address unmasked; needs `customers.pii:read` and is audited." }),
});

export const CustomerIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "cus_01jd…" }) });

const PROBE_NOTE =
  " Without `customers.pii:read`, each such request by a full mobile, e-mail or national code spends the caller's identifier-probe budget (30 an hour per user or API key; 429 once spent).";

export const createCustomerRoute = guardedRoute("customers:write", {
  method: "post",
  path: "/api/customers",
  tags: ["Customers"],
  summary: "Create a customer",
  description:
    "Identifiers are accepted in any common form (Persian digits, +98, spaces) and stored normalized. The workspace's CID kind is required." +
    " Without `customers.pii:read`, a 409 because another customer holds a mobile, e-mail or national code spends the caller's identifier-probe budget; once it is spent, creates carrying one are refused (429).",
  request: { body: { content: { "application/json": { schema: CustomerCreateInput } }, required: true } },
  responses: { 201: customerResponse("The new customer (masked unless the caller holds PII permission)."), ...problemResponses, ...conflictResponse, ...tooManyRequestsResponse },
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
  description:
    "Takes a mobile, e-mail, national code, customer code or username in any common form." + PROBE_NOTE + " A lookup that finds a customer this way is audited.",
  request: { query: RevealQuery.extend({ identifier: z.string().min(1).max(254).openapi({ example: "۰۹۱۲ ۱۲۳ ۴۵۶۷" }) }) },
  responses: { 200: customerResponse("The customer the identifier belongs to."), ...problemResponses, ...tooManyRequestsResponse },
});

const filterText = (max: number, description: string) => z.string().trim().min(1).max(max).optional().openapi({ description });

export const CustomerListQuery = RevealQuery.extend({
  ...pageQuery,
  q: filterText(100, "A prefix of any word of the name (Arabic or Persian letters alike), or any identifier in any form.").openapi({ example: "رضا" }),
  tag: filterText(40, "Customers carrying this tag."),
  city: filterText(80, "Customers in this city (as stored)."),
  province: filterText(80, "Customers in this province (as stored)."),
  ownerUserId: filterText(64, "Customers assigned to this staff member."),
  stage: z.enum(LIFECYCLE_STAGES).optional().openapi({ description: "Customers at this lifecycle stage." }),
  sort: z
    .enum(CUSTOMER_SORTS)
    .default("created")
    .openapi({ description: "`created` newest first, `name` A→Z, `lastOrder`, `totalSpent` and `orderCount` largest first (no orders last). Send the same sort with each page." }),
});

export const listCustomersRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/customers",
  tags: ["Customers"],
  summary: "List, search and sort customers",
  description: "Filters combine (AND) and page with the cursor; send the same filters with each page." + PROBE_NOTE.replace("such request", "search (`q`)"),
  request: { query: CustomerListQuery },
  responses: { 200: { description: "A page of customers.", content: { "application/json": { schema: pageSchema(CustomerSchema) } } }, ...problemResponses, ...tooManyRequestsResponse },
});

export const updateCustomerRoute = guardedRoute("customers:write", {
  method: "patch",
  path: "/api/customers/{id}",
  tags: ["Customers"],
  summary: "Change a customer's profile",
  description:
    "Send only what changes; `null` clears a field. `mobile`, `email`, `nationalCode` and `username` replace the identifier of that kind " +
    "(the workspace's CID kind can be replaced, not cleared). `tags` and `attributes` replace the whole set. Emits `customer.updated`.",
  request: { params: CustomerIdParam, query: RevealQuery, body: { content: { "application/json": { schema: CustomerUpdateInput } }, required: true } },
  responses: { 200: customerResponse("The customer as it now is."), ...problemResponses, ...conflictResponse, ...tooManyRequestsResponse },
});

export const deleteCustomerRoute = guardedRoute("customers:delete", {
  method: "delete",
  path: "/api/customers/{id}",
  tags: ["Customers"],
  summary: "Erase a customer",
  description:
    "Removes the person's names, identifiers, contact details, address, birthday, attributes and tags. An anonymous record " +
    "stays so order totals still add up; the customer is not found afterwards. Audited; emits `customer.deleted`.",
  request: { params: CustomerIdParam },
  responses: { 204: { description: "Erased." }, ...problemResponses },
});
