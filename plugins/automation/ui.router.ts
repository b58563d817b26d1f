// Handlers of the automation page (forms and buttons only for who may use them) and of the panel
// on a customer's page.
import { and, eq } from "drizzle-orm";
import { createPluginRouter, customersTable, pluginContext, pluginNotFound, uiSurface } from "../../worker/plugin-api";
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
    const { customerId } = c.req.valid("param");
    const customer = await ctx.db.select({ id: customersTable.id }).from(customersTable).where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, customerId))).get();
    if (!customer) throw pluginNotFound("customerId", "path");
    return c.json(uiSurface(await customerPanel(ctx, customerId)), 200);
  });
