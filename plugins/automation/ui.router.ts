// Handlers of the automation page (forms and buttons only for who may use them) and of the panel
// on a customer's page.
import { createPluginRouter, pluginContext, uiSurface } from "../../worker/plugin-api";
import { AUTOMATION_PERMISSIONS as P } from "./permissions";
import { automationPage } from "./ui-page";
import { customerPanel } from "./ui-customer-panel";
import { customerPanelRoute, pageRoute } from "./ui.routes";

export const uiRouter = createPluginRouter()
  .openapi(pageRoute, async (c) => {
    const ctx = pluginContext(c);
    return c.json(uiSurface(await automationPage(ctx, { manage: ctx.actor.can(P.manage) })), 200);
  })
  .openapi(customerPanelRoute, async (c) => {
    const ctx = pluginContext(c);
    return c.json(uiSurface(await customerPanel(ctx, c.req.valid("param").customerId)), 200);
  });
