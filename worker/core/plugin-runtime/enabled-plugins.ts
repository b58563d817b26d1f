// Which plugins a workspace has enabled, and with what settings (read once per request).
import { and, eq } from "drizzle-orm";
import { openDirectory } from "../data/database";
import { workspacePlugins } from "../data/schema";
import type { AnyPlugin } from "./validate-plugins";

export interface EnabledPlugin<P extends AnyPlugin = AnyPlugin> {
  plugin: P;
  settings: Record<string, unknown>;
  /** Epoch ms when it was last switched on (null: before this was kept). */
  enabledAt: number | null;
}

/** Stored settings read through the plugin's schema: new settings get their defaults. */
export function effectiveSettings(plugin: AnyPlugin, stored: Record<string, unknown> | undefined): Record<string, unknown> {
  const parsed = plugin.settings.safeParse(stored ?? {});
  return (parsed.success ? parsed.data : plugin.settings.parse({})) as Record<string, unknown>;
}

export async function workspacePluginRows(env: Env, workspaceId: string) {
  return openDirectory(env).select().from(workspacePlugins).where(eq(workspacePlugins.workspaceId, workspaceId));
}

export async function enabledPlugins(env: Env, workspaceId: string, installed: readonly AnyPlugin[]): Promise<EnabledPlugin[]> {
  if (installed.length === 0) return [];
  const rows = await workspacePluginRows(env, workspaceId);
  const enabled = new Map(rows.filter((row) => row.enabled).map((row) => [row.pluginId, row]));
  // Registry order: hooks run in the order plugins are listed.
  return installed
    .filter((plugin) => enabled.has(plugin.id))
    .map((plugin) => {
      const row = enabled.get(plugin.id)!;
      return { plugin, settings: effectiveSettings(plugin, row.settings), enabledAt: row.enabledAt };
    });
}

export async function isPluginEnabled(env: Env, workspaceId: string, pluginId: string): Promise<boolean> {
  const row = await openDirectory(env)
    .select({ enabled: workspacePlugins.enabled })
    .from(workspacePlugins)
    .where(and(eq(workspacePlugins.workspaceId, workspaceId), eq(workspacePlugins.pluginId, pluginId)))
    .get();
  return row?.enabled === true;
}
