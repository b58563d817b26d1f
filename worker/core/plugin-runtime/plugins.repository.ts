// Saving a workspace's choice of plugins (a directory table, read by the scheduler).
import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AuditOrigin } from "../audit/audit";
import { auditEntry } from "../audit/audit";
import { now } from "../data/clock";
import { openDirectory, type WorkspaceScope } from "../data/database";
import { workspacePlugins } from "../data/schema";

export async function savePluginState(
  env: Env,
  scope: WorkspaceScope,
  origin: AuditOrigin,
  change: { pluginId: string; enabled: boolean; settings: Record<string, unknown>; before: { enabled: boolean; settings: Record<string, unknown> } },
  /** Writes that belong to the change (the admin role's grant on a first enable). */
  alongside: BatchItem<"sqlite">[] = [],
): Promise<void> {
  const directory = openDirectory(env);
  const time = now();
  const switchedOn = change.enabled && !change.before.enabled ? { enabledAt: time } : {};
  await directory.batch([
    directory
      .insert(workspacePlugins)
      .values({ workspaceId: scope.workspaceId, pluginId: change.pluginId, enabled: change.enabled, settings: change.settings, updatedAt: time, ...switchedOn })
      .onConflictDoUpdate({
        target: [workspacePlugins.workspaceId, workspacePlugins.pluginId],
        set: { enabled: change.enabled, settings: change.settings, updatedAt: time, ...switchedOn },
      }),
    auditEntry(scope, origin, {
      action: "plugin.configured",
      entityType: "plugin",
      entityId: change.pluginId,
      details: { before: change.before, after: { enabled: change.enabled, settings: change.settings } },
    }),
    ...alongside,
  ]);
}

export async function storedPluginState(env: Env, workspaceId: string, pluginId: string) {
  return openDirectory(env)
    .select()
    .from(workspacePlugins)
    .where(and(eq(workspacePlugins.workspaceId, workspaceId), eq(workspacePlugins.pluginId, pluginId)))
    .get();
}
