// The compiled-in plugins, in the order their hooks run. Each workspace enables the ones it wants
// (PATCH /api/plugins/{id}). `npm run plugin:new <id>` adds a new plugin here.
import type { PluginDefinition } from "../worker/plugin-api";
import { automationPlugin } from "./automation";
import { loyaltyPlugin } from "./loyalty";

export const plugins: readonly PluginDefinition<any, any>[] = [
  loyaltyPlugin,
  automationPlugin,
];
