// The contract for a customer's further identifiers: add one (a second mobile, a shop's id),
// remove one (never the CID's, never the issued code).
import { z } from "@hono/zod-openapi";
import { INVALID_IDENTIFIER_MESSAGE, normalizeIdentifier } from "../cid/normalize-identifier";
import { conflictResponse, problemResponses, tooManyRequestsResponse } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { CustomerSchema } from "./customer.schemas";
import { CustomerIdParam, RevealQuery } from "./customers.routes";

/** Kinds a client may add; the issued code is the system's to give. */
export const ADDABLE_IDENTIFIER_KINDS = ["mobile", "email", "national_code", "username", "external"] as const;

export const IdentifierAddInput = z
  .object({
    kind: z.enum(ADDABLE_IDENTIFIER_KINDS),
    value: z.string().min(1).max(254).openapi({ example: "0935 111 2233" }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (normalizeIdentifier(body.kind, body.value) === null) {
      ctx.addIssue({ code: "custom", path: ["value"], message: INVALID_IDENTIFIER_MESSAGE[body.kind] });
    }
  })
  .openapi("IdentifierAdd");

const IdentifierParams = CustomerIdParam.extend({
  identifierId: z.string().min(1).max(64).openapi({ param: { name: "identifierId", in: "path" }, example: "cid_01jd…" }),
});

const customerResponse = (description: string) => ({ description, content: { "application/json": { schema: CustomerSchema } } });

export const addIdentifierRoute = guardedRoute("customers:write", {
  method: "post",
  path: "/api/customers/{id}/identifiers",
  tags: ["Customers"],
  summary: "Add an identifier to a customer",
  description: "The value is normalized as for create. 201 when added, 200 when the customer already had it; 409 when another customer has it (without `customers.pii:read`, such a 409 on a mobile, e-mail or national code spends the identifier-probe budget; 429 once spent).",
  request: { params: CustomerIdParam, query: RevealQuery, body: { content: { "application/json": { schema: IdentifierAddInput } }, required: true } },
  responses: {
    201: customerResponse("Added; the customer as it now is."),
    200: customerResponse("The customer already had it; nothing changed."),
    ...problemResponses,
    ...conflictResponse,
    ...tooManyRequestsResponse,
  },
});

export const removeIdentifierRoute = guardedRoute("customers:write", {
  method: "delete",
  path: "/api/customers/{id}/identifiers/{identifierId}",
  tags: ["Customers"],
  summary: "Remove an identifier from a customer",
  description: "The identifier that is the customer's CID and the issued customer code cannot be removed (400).",
  request: { params: IdentifierParams, query: RevealQuery },
  responses: { 200: customerResponse("The customer as it now is."), ...problemResponses },
});
