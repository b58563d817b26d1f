// The staff contract: list staff, invite one, change a role or status, reset a password, end
// every session of a user.
import { z } from "@hono/zod-openapi";
import { EmailSchema } from "../auth/auth.routes";
import { pageQuery, pageSchema } from "../data/cursor";
import { conflictResponse, ProblemSchema, problemResponses } from "../http/problem.schema";
import { guardedRoute, IdParam, jsonBody, jsonResponse } from "../http/route";

export const StaffSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.object({ id: z.string(), key: z.string(), name: z.string() }),
    status: z.enum(["active", "disabled"]),
    passwordSet: z.boolean().openapi({ description: "False after an admin reset, until the user sets a new one." }),
    createdAt: z.string(),
  })
  .openapi("StaffMember");

const LinkSchema = z.object({
  link: z.string().openapi({ description: "The one-use link. It is shown only in this response.", example: "https://crm.example.com/invite/Xk2p…" }),
  expiresAt: z.string(),
});

const errors = { 400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403] };

export const listUsersRoute = guardedRoute("users:manage", {
  method: "get",
  path: "/api/users",
  tags: ["Users"],
  summary: "Staff members, in the order they joined",
  request: { query: z.object(pageQuery) },
  responses: { 200: jsonResponse("A page of staff members.", pageSchema(StaffSchema)), ...errors },
});

export const ColleagueSchema = z.object({ id: z.string(), name: z.string() }).openapi("Colleague");

/** Names only, for anyone who works tasks: whom a task or a customer can be handed to. */
export const listColleaguesRoute = guardedRoute("tasks:read", {
  method: "get",
  path: "/api/users/colleagues",
  tags: ["Users"],
  summary: "Active staff members, by name",
  description: "Every active staff member of the workspace with their name only (no e-mail or role): the people a task or a customer can be assigned to. The full staff list needs `users:manage`.",
  responses: { 200: jsonResponse("Active staff members, by name.", z.object({ items: z.array(ColleagueSchema) })), ...errors },
});

export const inviteUserRoute = guardedRoute("users:manage", {
  method: "post",
  path: "/api/users",
  tags: ["Users"],
  summary: "Invite a staff member with a role",
  description:
    "Returns a one-use link, valid for 7 days, that the invitee opens to set a name and password. Only an owner may invite an owner; nobody may give a role holding permissions they lack.",
  request: {
    body: jsonBody(
      z.object({
        email: EmailSchema,
        name: z.string().trim().min(1).max(120).optional().openapi({ description: "A suggested name; the invitee may change it." }),
        roleId: z.string().min(1).max(64),
      }),
    ),
  },
  responses: {
    201: jsonResponse("The invitation and its link.", LinkSchema.extend({ invitation: z.object({ id: z.string(), email: z.string(), roleId: z.string() }) })),
    ...errors,
    ...conflictResponse,
  },
});

export const updateUserRoute = guardedRoute("users:manage", {
  method: "patch",
  path: "/api/users/{id}",
  tags: ["Users"],
  summary: "Change a staff member's role or status",
  description: "Disabling ends the user's sessions and stops their API keys. The last active owner cannot be demoted or disabled (409 `last_owner`).",
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({ roleId: z.string().min(1).max(64).optional(), status: z.enum(["active", "disabled"]).optional() })
        .refine((body) => body.roleId !== undefined || body.status !== undefined, { message: "nothing_to_change" }),
    ),
  },
  responses: { 200: jsonResponse("The staff member as they are now.", StaffSchema), ...errors, 404: problemResponses[404], ...conflictResponse },
});

const ResetSchema = z.object({
  delivery: z.enum(["email", "link"]).openapi({ description: "`email`: sent to the person's own address; `link`: the link is in this answer." }),
  link: LinkSchema.shape.link.optional().openapi({ description: "Only when `delivery` is `link`. It is shown only in this response." }),
  expiresAt: z.string(),
});

export const resetPasswordRoute = guardedRoute("users:manage", {
  method: "post",
  path: "/api/users/{id}/reset-password",
  tags: ["Users"],
  summary: "Reset a staff member's password",
  description:
    "Signs the user out everywhere, clears the password and makes a one-use link (valid for 24 hours) to set a new one. The link goes to the person's e-mail when the workspace has an e-mail provider; otherwise it is in the answer, for an owner (or the person themselves) only, and anyone else is refused before anything changes (409 `reset_needs_email`). If the e-mail fails, an owner gets the link instead; anyone else gets 502 `reset_email_failed`.",
  request: { params: IdParam },
  responses: {
    200: jsonResponse("Where the reset link went.", ResetSchema),
    ...errors,
    404: problemResponses[404],
    409: { description: "Nobody could receive the link: no e-mail provider, and the caller is not an owner.", content: { "application/problem+json": { schema: ProblemSchema } } },
    502: { description: "The reset e-mail could not be sent.", content: { "application/problem+json": { schema: ProblemSchema } } },
  },
});

export const revokeSessionsRoute = guardedRoute("users:manage", {
  method: "post",
  path: "/api/users/{id}/revoke-sessions",
  tags: ["Users"],
  summary: "Sign a staff member out everywhere",
  request: { params: IdParam },
  responses: { 200: jsonResponse("How many sessions ended.", z.object({ revokedSessions: z.number().int() })), ...errors, 404: problemResponses[404] },
});
