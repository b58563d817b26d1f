// The one rule for handing out, changing and taking away roles: nobody touches a role they could
// not grant in full (they hold every permission it has, and will have), only an owner grants the
// owner role or changes the built-in admin role, and the owner role itself never changes. Role
// edits, staff role changes, invitations (when sent and when accepted), password resets and API
// keys all ask here.
import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Database } from "../data/database";
import { roles, users } from "../data/schema";
import { invalidField, Problem } from "../http/problem";
import { assertGrantable } from "./permission-catalogue";

/** Who acts: the permissions held now and the key of their role (a key acts with its creator's). */
export interface Grantor {
  readonly permissions: ReadonlySet<string>;
  readonly roleKey: string | null;
}

export interface RoleFacts {
  key: string;
  builtin?: boolean;
  permissions: readonly string[];
}

/** The key of the actor's role ("owner", "admin", a custom key); a key acts with its creator's. */
export async function actorRoleKey(directory: Database, actor: Actor): Promise<string | null> {
  const row = await directory
    .select({ key: roles.key })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(eq(users.id, actor.userId))
    .get();
  return row?.key ?? null;
}

export const grantorOf = (actor: Actor, roleKey: string | null): Grantor => ({ permissions: actor.permissions, roleKey });

/** The role's permissions the grantor does not hold. */
export const permissionsNotHeld = (grantor: Grantor, role: RoleFacts) => role.permissions.filter((permission) => !grantor.permissions.has(permission));

/** The grantor could give this role to someone, in full. */
export function mayGrantRole(grantor: Grantor, role: RoleFacts): boolean {
  if (role.key === "owner" && grantor.roleKey !== "owner") return false;
  return permissionsNotHeld(grantor, role).length === 0;
}

/** The actor may change, reset, sign out, or revoke the keys of a colleague holding this role. */
export function assertMayManage(grantor: Grantor, target: RoleFacts): void {
  if (target.key === "owner" && grantor.roleKey !== "owner") throw new Problem(403, "owner_only");
  if (!mayGrantRole(grantor, target)) throw new Problem(403, "forbidden");
}

/** The actor may give this role (in an invitation or a role change); `path` names the field. */
export function assertMayAssign(grantor: Grantor, role: RoleFacts, path: string): void {
  if (role.key === "owner" && grantor.roleKey !== "owner") throw new Problem(403, "owner_only");
  if (!mayGrantRole(grantor, role)) throw invalidField(path, "permission_not_held");
}

/**
 * The actor may change this role's name or permissions (`next`, when they change). Stripping a
 * role is as powerful as granting it: whoever holds less than the role could otherwise narrow the
 * admin role and then manage its members.
 */
export function assertMayEditRole(grantor: Grantor, role: RoleFacts, next: readonly string[] | undefined, path: string): void {
  if (role.key === "owner") throw new Problem(409, "role_protected");
  if (role.builtin && role.key === "admin" && grantor.roleKey !== "owner") throw new Problem(403, "role_owner_only");
  const notHeld = permissionsNotHeld(grantor, role);
  if (notHeld.length) throw new Problem(403, "role_not_grantable", { extensions: { permissionsNotHeld: notHeld } });
  if (next) assertGrantable({ permissions: grantor.permissions }, next, path);
}
