// The roles contract: list roles with the permission catalogue, create a custom role, edit one.
import { z } from "@hono/zod-openapi";
import { conflictResponse, problemResponses } from "../http/problem.schema";
import { guardedRoute, IdParam, jsonBody, jsonResponse } from "../http/route";
import { PermissionListSchema } from "./permission-catalogue";

export const RoleSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    permissions: z.array(z.string()),
    builtin: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Role");

const RoleKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{1,39}$/, { message: "invalid_role_key" })
  .openapi({ example: "support-lead" });

const RoleNameSchema = z.string().trim().min(1).max(80).openapi({ example: "Support lead" });



export const listRolesRoute = guardedRoute("users:manage", {
  method: "get",
  path: "/api/roles",
  tags: ["Roles"],
  summary: "Roles with their permissions, and every permission a role may hold",
  responses: {
    200: jsonResponse("The workspace's roles and the permission catalogue.", z.object({ items: z.array(RoleSchema), permissions: z.array(z.string()) })),
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const createRoleRoute = guardedRoute("users:manage", {
  method: "post",
  path: "/api/roles",
  tags: ["Roles"],
  summary: "Create a custom role",
  description: "Every permission must be known and held by the caller.",
  request: { body: jsonBody(z.object({ key: RoleKeySchema, name: RoleNameSchema, permissions: PermissionListSchema })) },
  responses: {
    201: jsonResponse("The new role.", RoleSchema),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    ...conflictResponse,
  },
});

export const updateRoleRoute = guardedRoute("users:manage", {
  method: "patch",
  path: "/api/roles/{id}",
  tags: ["Roles"],
  summary: "Rename a role or change its permissions",
  description:
    "Nobody changes a role they could not grant in full: the caller must hold every permission the role has (403 `role_not_grantable`, listing `permissionsNotHeld`) and every permission it will have (400 `permission_not_held`). The built-in admin role changes only by an owner (403 `role_owner_only`); the owner role never changes (409 `role_protected`).",
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({ name: RoleNameSchema.optional(), permissions: PermissionListSchema.optional() })
        .refine((body) => body.name !== undefined || body.permissions !== undefined, { message: "nothing_to_change" }),
    ),
  },
  responses: {
    200: jsonResponse("The role as it is now.", RoleSchema),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
    ...conflictResponse,
  },
});
