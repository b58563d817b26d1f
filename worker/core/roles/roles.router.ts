// Roles: the catalogue for a role editor, custom roles, and audited permission changes.
import { and, eq } from "drizzle-orm";
import { actorOf } from "../auth/auth.middleware";
import { auditEntry, auditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import { openDirectory } from "../data/database";
import { newId } from "../data/ids";
import { roles } from "../data/schema";
import { notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { assertGrantable, knownPermissions, uniquePermissions } from "./permission-catalogue";
import { actorRoleKey, assertMayEditRole, grantorOf } from "./role-policy";
import { findRole, findRoleByKey, listRoles, presentRole, type RoleRow } from "./roles.repository";
import { createRoleRoute, listRolesRoute, updateRoleRoute } from "./roles.routes";

const roleKeyTaken = () => new Problem(409, "role_key_taken", { errors: [{ path: "body.key", code: "role_key_taken" }] });

export const rolesRouter = createRouter()
  .openapi(listRolesRoute, async (c) => {
    const rows = await listRoles(openDirectory(c.env), c.get("scope").workspaceId);
    return c.json({ items: rows.map(presentRole), permissions: [...knownPermissions()] }, 200);
  })
  .openapi(createRoleRoute, async (c) => {
    const body = c.req.valid("json");
    const actor = actorOf(c);
    const scope = c.get("scope");
    const directory = openDirectory(c.env);
    assertGrantable(actor, body.permissions, "body.permissions");
    if (await findRoleByKey(directory, scope.workspaceId, body.key)) throw roleKeyTaken();
    const time = now();
    const role: RoleRow = {
      id: newId("rol"),
      workspaceId: scope.workspaceId,
      key: body.key,
      name: body.name,
      permissions: uniquePermissions(body.permissions),
      builtin: false,
      createdAt: time,
      updatedAt: time,
    };
    // Today the directory and the workspace share one database, so the role and its audit row
    // commit together.
    await directory
      .batch([
        directory.insert(roles).values(role),
        auditEntry(scope, auditOrigin(c), {
          action: "role.created",
          entityType: "role",
          entityId: role.id,
          details: { key: role.key, name: role.name, permissions: role.permissions },
        }),
      ])
      .catch((error: unknown) => {
        // Two editors creating the same key at once: the unique index decides.
        if (String(error).includes("UNIQUE")) throw roleKeyTaken();
        throw error;
      });
    return c.json(presentRole(role), 201);
  })
  .openapi(updateRoleRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const actor = actorOf(c);
    const scope = c.get("scope");
    const directory = openDirectory(c.env);
    const before = await findRole(directory, scope.workspaceId, id);
    if (!before) throw notFound();
    // The owner role always holds everything, so a workspace can never lose control of itself;
    // nobody else changes a role they could not grant in full.
    assertMayEditRole(grantorOf(actor, await actorRoleKey(directory, actor)), before, body.permissions, "body.permissions");
    const after: RoleRow = {
      ...before,
      name: body.name ?? before.name,
      permissions: body.permissions ? uniquePermissions(body.permissions) : before.permissions,
      updatedAt: now(),
    };
    await directory.batch([
      directory
        .update(roles)
        .set({ name: after.name, permissions: after.permissions, updatedAt: after.updatedAt })
        .where(and(eq(roles.workspaceId, scope.workspaceId), eq(roles.id, id))),
      auditEntry(scope, auditOrigin(c), {
        action: "role.updated",
        entityType: "role",
        entityId: id,
        details: {
          before: { name: before.name, permissions: before.permissions },
          after: { name: after.name, permissions: after.permissions },
        },
      }),
    ]);
    return c.json(presentRole(after), 200);
  });
