// The staff contract: list staff, invite one, change a role or status, reset a password, end
// every session of a user.
import { z } from "@hono/zod-openapi";
import { EmailSchema } from "../auth/auth.routes";
import { pageQuery, pageSchema } from "../data/cursor";
import { conflictResponse, problemResponses } from "../http/problem.schema";
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

export const resetPasswordRoute = guardedRoute("users:manage", {
  method: "post",
  path: "/api/users/{id}/reset-password",
  tags: ["Users"],
  summary: "Reset a staff member's password",
  description: "Signs the user out everywhere, clears the password and returns a one-use link (valid for 24 hours) to set a new one.",
  request: { params: IdParam },
  responses: { 200: jsonResponse("The reset link.", LinkSchema), ...errors, 404: problemResponses[404] },
});

export const revokeSessionsRoute = guardedRoute("users:manage", {
  method: "post",
  path: "/api/users/{id}/revoke-sessions",
  tags: ["Users"],
  summary: "Sign a staff member out everywhere",
  request: { params: IdParam },
  responses: { 200: jsonResponse("How many sessions ended.", z.object({ revokedSessions: z.number().int() })), ...errors, 404: problemResponses[404] },
});
