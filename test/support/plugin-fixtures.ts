/// <reference types="vite/client" />
// What a plugin gives the core tests that cover every registered plugin (isolation, bad input,
// permissions), from its own folder: `plugins/<id>/test-fixtures.ts` exporting `fixtures`. So a
// plugin author never edits a core test, and a new plugin is covered the day it is registered.
import type { ApiClient } from "./client";

export interface PluginTestFixtures {
  /**
   * A valid body for each of the plugin's write routes that has a path parameter, keyed
   * "<METHOD> <published path>" (e.g. "POST /api/plugins/gift-cards/cards/{cardId}/redeem"): the
   * isolation test sends it with another workspace's ids, so the request passes validation and
   * reaches the lookup that must come back empty.
   */
  validBodies?: Record<string, unknown>;
  /**
   * Makes the plugin's records in a workspace (through the API, as its owner; the plugin is
   * enabled) and returns the values of the path parameters of its routes that name them
   * (e.g. `{ cardId }`). `customerId` is a customer of that workspace; `workspaceId` fills
   * public routes' paths.
   */
  seed?(owner: ApiClient, given: { customerId: string; workspaceId: string }): Promise<Record<string, string>>;
}

const modules = import.meta.glob("/plugins/*/test-fixtures.ts", { eager: true, import: "fixtures" }) as Record<string, PluginTestFixtures>;

/** The fixtures of the plugin in plugins/<id>/ (none: an empty set). */
export function fixturesOf(pluginId: string): PluginTestFixtures {
  return modules[`/plugins/${pluginId}/test-fixtures.ts`] ?? {};
}
