// The compiled-in plugins, in the order their hooks run. Each workspace enables the ones it wants
// (PATCH /api/plugins/{id}). `npm run plugin:new <id>` adds a new plugin here.
import type { PluginDefinition } from "../worker/plugin-api";
import { automationOtherPluginHooks, automationPlugin } from "./automation";
import { loyaltyPlugin } from "./loyalty";
import { rewardSurveyResponse } from "./loyalty/bonuses";
import { npsPlugin } from "./nps";

// The loyalty club's survey bonus attaches to the NPS plugin's answers: the two are wired here,
// where both are known (a hook may only name an event a registered plugin declares).
const loyaltyWithSurveyBonus = { ...loyaltyPlugin, on: { ...loyaltyPlugin.on, "nps.responded": rewardSurveyResponse } } as typeof loyaltyPlugin;

// Flows start on the NPS plugin's `nps.detractor` and the club's `loyalty.tier_changed`, received by name.
const automationWithPluginEvents = { ...automationPlugin, on: { ...automationPlugin.on, ...automationOtherPluginHooks } } as typeof automationPlugin;

export const plugins: readonly PluginDefinition<any, any>[] = [
  loyaltyWithSurveyBonus,
  npsPlugin,
  automationWithPluginEvents,
];
