// The compiled-in plugins, in the order their hooks run. Each workspace enables the ones it wants
// (PATCH /api/plugins/{id}). `npm run plugin:new <id>` adds a new plugin here.
import type { PluginDefinition } from "../worker/plugin-api";
import { loyaltyPlugin } from "./loyalty";
import { npsPlugin } from "./nps";

export const plugins: readonly PluginDefinition<any, any>[] = [
  loyaltyPlugin,
  npsPlugin,
];
