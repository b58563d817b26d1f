// The audit-log contract: read who did what, newest first, filtered by actor, action, customer
// and time.
import { z } from "@hono/zod-openapi";
import { TimeWithOffset } from "../calendar/calendar-day";
import { pageQuery, pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ description: "When it happened (ISO 8601, UTC)." }),
    actor: z.object({
      userId: z.string().nullable(),
      name: z.string().nullable().openapi({ description: "The user's current name, if the user still exists." }),
      email: z.string().nullable(),
      apiKeyId: z.string().nullable().openapi({ description: "Set when the user acted through an API key." }),
    }),
    action: z.string().openapi({ example: "customer.pii_revealed" }),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    customerId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .openapi("AuditEntry");

const IsoTime = TimeWithOffset;

export const AuditQuerySchema = z
  .object({
    actor: z.string().min(1).max(64).optional().openapi({ description: "Only what this user did (user id)." }),
    action: z.string().min(1).max(80).optional().openapi({ example: "role.updated" }),
    customerId: z.string().min(1).max(64).optional().openapi({ description: "Only entries about this customer." }),
    from: IsoTime.optional().openapi({ description: "At or after this time." }),
    to: IsoTime.optional().openapi({ description: "At or before this time." }),
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: "invalid_range", path: ["from"] });

export const listAuditRoute = guardedRoute("audit:read", {
  method: "get",
  path: "/api/audit",
  tags: ["Audit"],
  summary: "The audit log, newest first",
  request: { query: AuditQuerySchema },
  responses: {
    200: { description: "A page of audit entries.", content: { "application/json": { schema: pageSchema(AuditEntrySchema) } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});
