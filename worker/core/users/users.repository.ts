// Every query on staff members, always filtered by the caller's workspace.
import { and, asc, count, eq, gt, ne } from "drizzle-orm";
import { toIso } from "../data/clock";
import type { Database } from "../data/database";
import { roles, users } from "../data/schema";

type UserRow = typeof users.$inferSelect;
type RoleRow = typeof roles.$inferSelect;
export interface StaffRow {
  user: UserRow;
  role: RoleRow;
}

/** One page of staff in the order they joined, by the (workspace_id, id) index. */
export function listStaff(directory: Database, workspaceId: string, after: string | null, limit: number): Promise<StaffRow[]> {
  return directory
    .select({ user: users, role: roles })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.workspaceId, workspaceId), after ? gt(users.id, after) : undefined))
    .orderBy(asc(users.id))
    .limit(limit + 1)
    .all();
}

/** How many active colleagues a workspace lists at most: a shop's team, not a call centre. */
export const MAX_COLLEAGUES = 500;

/** Active staff members' ids and names, by name (the workspace's users index, then a sort of a team). */
export function listColleagues(directory: Database, workspaceId: string): Promise<Array<{ id: string; name: string }>> {
  return directory
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.status, "active")))
    .orderBy(asc(users.name), asc(users.id))
    .limit(MAX_COLLEAGUES)
    .all();
}

/** A staff member of this workspace, or undefined: another workspace's user id finds nothing. */
export function findStaff(directory: Database, workspaceId: string, userId: string): Promise<StaffRow | undefined> {
  return directory
    .select({ user: users, role: roles })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)))
    .get();
}

export function findUserIdByEmail(directory: Database, email: string) {
  return directory.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
}

/** Active owners of the workspace other than `exceptUserId`. */
export async function otherActiveOwners(directory: Database, workspaceId: string, ownerRoleId: string, exceptUserId: string) {
  const row = await directory
    .select({ n: count() })
    .from(users)
    .where(
      and(eq(users.workspaceId, workspaceId), eq(users.roleId, ownerRoleId), eq(users.status, "active"), ne(users.id, exceptUserId)),
    )
    .get();
  return row?.n ?? 0;
}

export function presentStaff({ user, role }: StaffRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: { id: role.id, key: role.key, name: role.name },
    status: user.status,
    // An invited user who has not yet set a password, or one whose password was reset.
    passwordSet: user.passwordHash !== null,
    createdAt: toIso(user.createdAt)!,
  };
}
