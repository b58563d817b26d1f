// The bulk-actions contract: act on many customers at once (chosen, or all matching a filter or a
// segment), and follow the action's progress.
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, IdParam, jsonBody, jsonResponse } from "../http/route";
import { z } from "@hono/zod-openapi";
import { BulkActionInput, BulkActionSchema, BulkSelection } from "./bulk-action.schemas";

export const createBulkActionRoute = guardedRoute("customers:write", {
  method: "post",
  path: "/api/customers/bulk",
  tags: ["Customers"],
  summary: "Act on many customers at once",
  description:
    "Adds or removes a tag, assigns an owner, changes consent (with a reason), adds to a static list, or erases (needs `customers:delete` and " +
    "`confirmCount`, the number of customers matching now), or sends one SMS or e-mail each (`send_sms`, or `send_email` with a `subject`; needs `messages:send`; marketing unless said otherwise, " +
    "through the channel's consent, caps and quiet hours; its results counted by outcome, a customer without an address skipped as `no_address`; " +
    "placeholders are the customer's names and the shop's) for chosen customers or all matching the list's filters or a segment (narrowed by its search box's `q`). " +
    "The work runs on the jobs queue in chunks; poll the action for its progress. Audited once, with its count; each changed customer emits `customer.updated` (`customer.deleted` when erased).",
  request: { body: jsonBody(BulkActionInput) },
  responses: { 202: jsonResponse("The action, queued (or done at once when nothing matches).", BulkActionSchema), ...problemResponses },
});

export const getBulkActionRoute = guardedRoute("customers:write", {
  method: "get",
  path: "/api/customers/bulk/{id}",
  tags: ["Customers"],
  summary: "A bulk action's progress",
  request: { params: IdParam },
  responses: { 200: jsonResponse("The action.", BulkActionSchema), ...problemResponses },
});


export const countSelectionRoute = guardedRoute("customers:read", {
  method: "post",
  path: "/api/customers/bulk/count",
  tags: ["Customers"],
  summary: "How many customers a selection matches",
  description: "For \"select all N matching this filter\" before acting; nothing is changed.",
  request: { body: jsonBody(z.object({ selection: BulkSelection }).strict()) },
  responses: { 200: jsonResponse("The count.", z.object({ total: z.number().int() })), ...problemResponses },
});
