// The local development outbox of account messages (dev-outbox.ts): read the mails and codes it
// kept for one recipient, as a developer (or a browser test) reads an inbox.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { jsonResponse, publicRoute } from "../http/route";

export const devStaffOutboxRoute = publicRoute({
  method: "get",
  path: "/api/dev/staff-outbox",
  tags: ["Messaging"],
  summary: "Local development only: account messages the outbox kept for one recipient, newest first",
  description: "A 404 everywhere but `npm run dev` on a loopback address (DEV_STAFF_OUTBOX). Deployed Workers keep no text of these messages.",
  request: { query: z.object({ to: z.string().trim().min(3).max(254).openapi({ description: "An e-mail address or a mobile in any form." }) }) },
  responses: {
    200: jsonResponse(
      "The last 10 messages.",
      z.object({ items: z.array(z.object({ channel: z.enum(["sms", "email"]), subject: z.string().nullable(), body: z.string(), createdAt: z.string() })) }).openapi("DevStaffOutbox"),
    ),
    400: problemResponses[400],
    404: problemResponses[404],
  },
});
