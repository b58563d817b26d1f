// Who may change whom: nobody manages a colleague more powerful than themselves, only an owner
// grants the owner role or touches an owner, and a workspace always keeps one active owner.
import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Database } from "../data/database";
import { roles, users } from "../data/schema";
import { invalidField, Problem } from "../http/problem";

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

interface RoleFacts {
  key: string;
  permissions: readonly string[];
}

/** The actor may change, reset or sign out this colleague. */
export function assertMayManage(actor: Actor, actorRole: string | null, target: RoleFacts): void {
  if (target.key === "owner" && actorRole !== "owner") throw new Problem(403, "owner_only");
  if (!target.permissions.every((permission) => actor.permissions.has(permission))) throw new Problem(403, "forbidden");
}

/** The actor may give this role (in an invitation or a role change); `path` names the field. */
export function assertMayAssign(actor: Actor, actorRole: string | null, role: RoleFacts, path: string): void {
  if (role.key === "owner" && actorRole !== "owner") throw new Problem(403, "owner_only");
  if (!role.permissions.every((permission) => actor.permissions.has(permission))) throw invalidField(path, "permission_not_held");
}
