// The problem+json document, for the OpenAPI responses of every route.
import { z } from "@hono/zod-openapi";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** The error responses most routes share. */
export const problemResponses = {
  400: problem("Invalid input; `errors[]` names each invalid field."),
  401: problem("Not signed in, or the API key is invalid."),
  403: problem("Signed in without the required permission."),
  404: problem("No such record in this workspace."),
} as const;

export const conflictResponse = { 409: problem("Conflicts with an existing record.") } as const;

/** A budget of attempts is spent (rate limit); Retry-After says when to come back. */
export const tooManyRequestsResponse = {
  429: {
    description: "Too many attempts of this kind for now; `Retry-After` gives the seconds to wait.",
    headers: { "Retry-After": { description: "Seconds until an attempt can go through.", schema: { type: "integer" as const } } },
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
} as const;
