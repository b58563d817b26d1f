// The contract of the top-bar search: one query, answered in groups (customers, orders, tasks).
import { z } from "@hono/zod-openapi";
import { problemResponses, tooManyRequestsResponse } from "../http/problem.schema";
import { guardedRoute, jsonResponse } from "../http/route";

export const SearchQuery = z
  .object({
    q: z.string().trim().min(1).max(100).openapi({ description: "A name, any identifier form, a mobile's last 4+ digits, an order number or words of a task." }),
    limit: z.coerce.number().int().min(1).max(10).default(5).openapi({ description: "Results per group." }),
  })
  .strict();

const SearchCustomer = z.object({
  id: z.string(),
  displayName: z.string(),
  code: z.string().nullable(),
  mobile: z.string().nullable().openapi({ description: "Masked unless the caller may read personal data." }),
});

const SearchOrder = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  total: z.number().int(),
  currency: z.string(),
  placedAt: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
});

const SearchTask = z.object({
  id: z.string(),
  title: z.string(),
  dueAt: z.string().nullable(),
  status: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
});

export const SearchResultsSchema = z
  .object({
    customers: z.array(SearchCustomer),
    orders: z.array(SearchOrder),
    tasks: z.array(SearchTask),
  })
  .openapi("SearchResults");
export type SearchResults = z.infer<typeof SearchResultsSchema>;

export const searchRoute = guardedRoute("signed-in", {
  method: "get",
  path: "/api/search",
  tags: ["Search"],
  summary: "Search customers, orders and tasks at once (the top-bar search)",
  description:
    "Each group holds only what the caller may read (`customers:read`, `orders:read`, `tasks:read`); a group the caller may not read is empty. " +
    "Customers are found as on GET /api/customers (names folded for Persian spellings, any identifier form, a mobile's last 4+ digits for staff " +
    "with `customers.pii:read`); orders by a prefix of their number; open tasks by words of their title.",
  request: { query: SearchQuery },
  responses: { 200: jsonResponse("Results, grouped.", SearchResultsSchema), ...problemResponses, ...tooManyRequestsResponse },
});
