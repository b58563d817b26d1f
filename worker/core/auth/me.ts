// Who the caller is, as the UI and integrations need it.
import { eq } from "drizzle-orm";
import type { Database } from "../data/database";
import { roles, users, workspaces } from "../data/schema";
import type { Actor } from "./actor";

export async function describeActor(directory: Database, actor: Pick<Actor, "userId" | "apiKeyId" | "permissions">) {
  const row = await directory
    .select({ user: users, role: roles, workspace: workspaces })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(eq(users.id, actor.userId))
    .get();
  if (!row) throw new Error(`user ${actor.userId} vanished`);
  const { user, role, workspace } = row;
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, mobile: user.mobile },
    role: { id: role.id, key: role.key, name: role.name },
    permissions: [...actor.permissions].sort(),
    workspace: {
      id: workspace.id,
      name: workspace.name,
      locale: workspace.locale,
      timeZone: workspace.timeZone,
      currency: workspace.currency,
      weekStart: workspace.weekStart,
      cidKind: workspace.cidKind,
    },
    via: actor.apiKeyId ? ("api_key" as const) : ("session" as const),
  };
}
