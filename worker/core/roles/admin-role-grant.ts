// A plugin switched on in a workspace for the first time brings its permissions to the built-in
// admin role. New workspaces' admin roles start with every compiled-in plugin's permissions; this
// covers a plugin added to the Worker after the workspace was made. Later, the admin role holds
// what it lists, like every role: an owner who takes a plugin permission away keeps it away.
import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { auditEntry, type AuditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import type { Database, WorkspaceScope } from "../data/database";
import { roles } from "../data/schema";
import { uniquePermissions } from "./permission-catalogue";

export async function grantPluginToAdminRole(
  directory: Database,
  scope: WorkspaceScope,
  origin: AuditOrigin,
  pluginId: string,
  permissions: readonly string[],
): Promise<BatchItem<"sqlite">[]> {
  if (permissions.length === 0) return [];
  const admin = await directory
    .select()
    .from(roles)
    .where(and(eq(roles.workspaceId, scope.workspaceId), eq(roles.key, "admin"), eq(roles.builtin, true)))
    .get();
  const missing = admin ? permissions.filter((permission) => !admin.permissions.includes(permission)) : [];
  if (!admin || missing.length === 0) return [];
  const after = uniquePermissions([...admin.permissions, ...missing]);
  return [
    directory
      .update(roles)
      .set({ permissions: after, updatedAt: now() })
      .where(and(eq(roles.workspaceId, scope.workspaceId), eq(roles.id, admin.id))),
    auditEntry(scope, origin, {
      action: "role.updated",
      entityType: "role",
      entityId: admin.id,
      details: { before: { name: admin.name, permissions: admin.permissions }, after: { name: admin.name, permissions: after }, plugin: pluginId },
    }),
  ];
}
