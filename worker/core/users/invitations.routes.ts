// Completing a one-use link: join a workspace from an invitation, or set a new password after a
// reset (public: the link's token is the credential); and the pending invitations, listed and
// revoked by whoever manages staff.
import { z } from "@hono/zod-openapi";
import { MeSchema, PasswordSchema } from "../auth/auth.routes";
import { conflictResponse, ProblemSchema, problemResponses } from "../http/problem.schema";
import { pageQuery, pageSchema } from "../data/cursor";
import { guardedRoute, IdParam, jsonResponse, publicRoute } from "../http/route";

export const acceptInvitationRoute = publicRoute({
  method: "post",
  path: "/api/auth/accept-invite",
  tags: ["Auth"],
  summary: "Accept an invitation or a password reset, and sign in",
  description:
    "For an invitation, creates the user (the e-mail comes from the invitation) with the name and password given; for a reset, sets the new password. The link works once. An unknown token is a 400, a used, revoked or expired one a 410 (`invitation_invalid`), and so is a link whose sender has since been disabled or could no longer give that role (or manage that person).",
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

export const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.object({ id: z.string(), key: z.string(), name: z.string() }).nullable(),
    invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi("Invitation");

export const listInvitationsRoute = guardedRoute("users:manage", {
  method: "get",
  path: "/api/invitations",
  tags: ["Users"],
  summary: "Invitations not yet accepted, revoked or expired, oldest first",
  request: { query: z.object(pageQuery) },
  responses: {
    200: jsonResponse("A page of pending invitations.", pageSchema(InvitationSchema)),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const revokeInvitationRoute = guardedRoute("users:manage", {
  method: "delete",
  path: "/api/invitations/{id}",
  tags: ["Users"],
  summary: "Revoke a pending invitation",
  description: "Its link stops working at once. Only someone who could give the invitation's role may revoke it. A used, expired or unknown invitation is a 404.",
  request: { params: IdParam },
  responses: {
    204: { description: "Revoked." },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});
