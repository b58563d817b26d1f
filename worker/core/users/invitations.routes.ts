// Completing a one-use link: join a workspace from an invitation, or set a new password after a
// reset. Public: the link's token is the credential.
import { z } from "@hono/zod-openapi";
import { MeSchema, PasswordSchema } from "../auth/auth.routes";
import { conflictResponse, ProblemSchema, problemResponses } from "../http/problem.schema";
import { publicRoute } from "../http/route";

export const acceptInvitationRoute = publicRoute({
  method: "post",
  path: "/api/auth/accept-invite",
  tags: ["Auth"],
  summary: "Accept an invitation or a password reset, and sign in",
  description:
    "For an invitation, creates the user (the e-mail comes from the invitation) with the name and password given; for a reset, sets the new password. The link works once. An unknown token is a 400, a used or expired one a 410 (`invitation_invalid`).",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            token: z.string().min(16).max(200),
            name: z.string().trim().min(1).max(120).optional().openapi({ description: "Required to join, unless the invitation suggested one." }),
            password: PasswordSchema,
          }),
        },
      },
    },
  },
  responses: {
    200: { description: "Signed in; the session cookie is set.", content: { "application/json": { schema: MeSchema } } },
    400: problemResponses[400],
    ...conflictResponse,
    410: { description: "The link was used or has expired.", content: { "application/problem+json": { schema: ProblemSchema } } },
  },
});
