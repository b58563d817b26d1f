// The merge contract: two customers who are one person become one.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { CustomerSchema } from "./customer.schemas";
import { RevealQuery } from "./customers.routes";

const customerId = z.string().trim().min(1).max(64);

export const MergeCustomersInput = z
  .object({
    survivorId: customerId.openapi({ description: "The customer who remains." }),
    mergedId: customerId.openapi({ description: "The customer merged into the survivor; it becomes a tombstone." }),
  })
  .strict()
  .openapi("MergeCustomers");

export const mergeCustomersRoute = guardedRoute("customers:merge", {
  method: "post",
  path: "/api/customers/merge",
  tags: ["Customers"],
  summary: "Merge two customers into one",
  description:
    "Moves every identifier (the merged customer's code included), interaction, task, tag and name word to the survivor, " +
    "fills the survivor's empty profile fields from the merged customer (for consent, the more recent decision wins), " +
    "and leaves the merged customer as a tombstone: any of its identifiers then finds the survivor, and reading it by id is a 404. " +
    "One transaction, audited, emits `customer.merged`. The same id twice is a 400 `merge_same_customer`.",
  request: { query: RevealQuery, body: { content: { "application/json": { schema: MergeCustomersInput } }, required: true } },
  responses: {
    200: { description: "The survivor as it is after the merge.", content: { "application/json": { schema: CustomerSchema } } },
    ...problemResponses,
  },
});
