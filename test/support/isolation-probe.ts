// The heart of the workspace-isolation test, usable with any Worker: every route with a path
// parameter, called by workspace A with workspace B's ids (and, for plugins' public pages, A's
// workspace in the path with B's tokens), must answer 404. Plugins' ids and valid bodies come
// from their own fixtures (plugins/<id>/test-fixtures.ts), so a new plugin is covered by itself.
import type { AnyPlugin } from "../../worker/core/plugin-runtime/validate-plugins";
import type { ApiClient } from "./client";
import { fixturesOf, type PluginTestFixtures } from "./plugin-fixtures";

type FixturesOf = (pluginId: string) => PluginTestFixtures;
import { concretePath, type PublishedRoute } from "./routes";

/** Each plugin's records made in workspace B, by plugin id: path parameter → value. */
export type PluginIds = Record<string, Record<string, string>>;

/** Enables every plugin for the owner's workspace, then has each make its fixture records. */
export async function enableAndSeedPlugins(
  owner: ApiClient,
  plugins: readonly AnyPlugin[],
  given: { customerId: string; workspaceId: string },
  fixtures: FixturesOf = fixturesOf,
): Promise<PluginIds> {
  const ids: PluginIds = {};
  for (const plugin of plugins) {
    const enabled = await owner.patch(`/api/plugins/${plugin.id}`, { enabled: true });
    if (enabled.status !== 200) throw new Error(`enabling ${plugin.id}: ${enabled.status} ${enabled.text}`);
  }
  for (const plugin of plugins) ids[plugin.id] = { customerId: given.customerId, ...(await fixtures(plugin.id).seed?.(owner, given)) };
  return ids;
}

/** The plugin a route belongs to, and whether it is one of its public pages. */
export function pluginOf(route: PublishedRoute): { id: string; isPublic: boolean } | null {
  const match = /^\/(?:api\/plugins|p)\/([a-z][a-z0-9-]*)\//.exec(route.path);
  return match ? { id: match[1]!, isPublic: route.path.startsWith("/p/") } : null;
}

export const validBodyOf = (route: PublishedRoute, fixtures: FixturesOf = fixturesOf): unknown => {
  const plugin = pluginOf(route);
  return plugin ? fixtures(plugin.id).validBodies?.[`${route.method} ${route.path}`] : undefined;
};

/**
 * Calls each plugin route with B's ids as A's client; returns what answered other than 404 (or
 * had no valid body to send). `workspaceA` fills public pages' `{workspaceId}`.
 */
export async function pluginLeaks(client: ApiClient, routes: PublishedRoute[], idsOfB: PluginIds, workspaceA: string, fixtures: FixturesOf = fixturesOf): Promise<string[]> {
  const leaks: string[] = [];
  for (const route of routes) {
    const plugin = pluginOf(route);
    if (!plugin || !route.path.includes("{")) continue;
    const key = `${route.method} ${route.path}`;
    const body = route.hasJsonBody ? validBodyOf(route, fixtures) : undefined;
    if (route.hasJsonBody && body === undefined) leaks.push(`${key}: no valid body in plugins/${plugin.id}/test-fixtures.ts`);
    const ids = { ...idsOfB[plugin.id], ...(plugin.isPublic ? { workspaceId: workspaceA } : {}) };
    const response = await client.request(route.method, concretePath(route.path, ids), body);
    if (response.status !== 404) leaks.push(`${key}: ${response.status}`);
  }
  return leaks;
}
