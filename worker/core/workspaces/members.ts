// Whether a user id names an active staff member of this workspace (for owners and assignees):
// a disabled account is not given new customers or tasks.
import { and, eq } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { users } from "../data/schema";

export async function isWorkspaceMember(env: Env, workspaceId: string, userId: string): Promise<boolean> {
  const row = await openDirectory(env)
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId), eq(users.status, "active")))
    .get();
  return row !== undefined;
}
