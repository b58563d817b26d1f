// Every query on roles. Roles are directory rows, always filtered by the caller's workspace.
import { and, asc, eq } from "drizzle-orm";
import { toIso } from "../data/clock";
import type { Database } from "../data/database";
import { roles } from "../data/schema";
import { BUILTIN_ROLES } from "../permissions/permissions";

export type RoleRow = typeof roles.$inferSelect;

/** Built-in roles from most to least powerful, then custom roles in the order they were made. */
export async function listRoles(directory: Database, workspaceId: string) {
  const rows = await directory.select().from(roles).where(eq(roles.workspaceId, workspaceId)).orderBy(asc(roles.id)).all();
  const rank = (role: RoleRow) => (role.builtin ? (BUILTIN_ROLES as readonly string[]).indexOf(role.key) : BUILTIN_ROLES.length);
  return rows.sort((a, b) => rank(a) - rank(b));
}

/** A role of this workspace, or undefined: another workspace's role id finds nothing. */
export function findRole(directory: Database, workspaceId: string, roleId: string) {
  return directory
    .select()
    .from(roles)
    .where(and(eq(roles.workspaceId, workspaceId), eq(roles.id, roleId)))
    .get();
}

export function findRoleByKey(directory: Database, workspaceId: string, key: string) {
  return directory
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.workspaceId, workspaceId), eq(roles.key, key)))
    .get();
}

export function presentRole(role: RoleRow) {
  return {
    id: role.id,
    key: role.key,
    name: role.name,
    permissions: role.permissions,
    builtin: role.builtin,
    createdAt: toIso(role.createdAt)!,
    updatedAt: toIso(role.updatedAt)!,
  };
}
