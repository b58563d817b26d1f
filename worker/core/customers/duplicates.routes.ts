// The duplicates contract: candidate pairs of customers who may be one person, with the reason.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { CustomerSchema } from "./customer.schemas";
import { IDENTIFIER_KINDS } from "./customers.schema";
import { RevealQuery } from "./customers.routes";
import { DUPLICATE_REASONS } from "./duplicates-page";

export const DuplicateCandidateSchema = z
  .object({
    reason: z.enum(DUPLICATE_REASONS).openapi({
      description:
        "`same_identifier`: one customer's identifier, read as another kind, is the other's (a username that is the other's mobile). " +
        "`similar_name`: the same name once folded (Arabic/Persian letters, ZWNJ, spacing) and the same city or birthday.",
    }),
    customers: z.tuple([CustomerSchema, CustomerSchema]).openapi({ description: "Older customer first." }),
    identifierKinds: z
      .tuple([z.enum(IDENTIFIER_KINDS), z.enum(IDENTIFIER_KINDS)])
      .nullable()
      .openapi({ description: "For `same_identifier`: the kind the shared value has on each customer." }),
    sameCity: z.boolean(),
    sameBirthday: z.boolean(),
  })
  .openapi("DuplicateCandidate");

export const DuplicatesQuery = RevealQuery.extend({
  cursor: z.string().max(1000).optional().openapi({ description: "The `nextCursor` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const listDuplicatesRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/customers/duplicates",
  tags: ["Customers"],
  summary: "Candidate duplicate customers",
  description:
    "Pairs found by walking indexes (identifiers, then names), never by comparing every customer with every other. " +
    "A page may hold fewer than `limit` pairs while more remain: continue while `nextCursor` is not null.",
  request: { query: DuplicatesQuery },
  responses: {
    200: {
      description: "A page of candidate pairs.",
      content: { "application/json": { schema: z.object({ items: z.array(DuplicateCandidateSchema), nextCursor: z.string().nullable() }) } },
    },
    ...problemResponses,
  },
});
