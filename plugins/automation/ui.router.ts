// Handler of the automation page: forms and buttons only for who may use them.
import { createPluginRouter, pluginContext, uiSurface } from "../../worker/plugin-api";
import { AUTOMATION_PERMISSIONS as P } from "./permissions";
import { automationPage } from "./ui-page";
import { pageRoute } from "./ui.routes";

export const uiRouter = createPluginRouter().openapi(pageRoute, async (c) => {
  const ctx = pluginContext(c);
  return c.json(uiSurface(await automationPage(ctx, { manage: ctx.actor.can(P.manage) })), 200);
});
