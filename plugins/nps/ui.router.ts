// Handlers of the UI surfaces: forms appear only for who may send them.
import { and, eq, isNull } from "drizzle-orm";
import { createPluginRouter, customersTable, pluginContext, pluginNotFound, uiSurface } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { NPS_PERMISSIONS as P } from "./permissions";
import type { NpsSettings } from "./settings";
import { customerPanel, dashboardCard, npsPage } from "./ui";
import { cardRoute, customerPanelRoute, pageRoute } from "./ui.routes";

export const uiRouter = createPluginRouter()
  .openapi(customerPanelRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const { customerId } = c.req.valid("param");
    const customer = await ctx.db
      .select({ id: customersTable.id })
      .from(customersTable)
      .where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, customerId), isNull(customersTable.erasedAt)))
      .get();
    if (!customer) throw pluginNotFound();
    return c.json(uiSurface(await customerPanel(ctx, customer.id)), 200);
  })
  .openapi(pageRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    return c.json(uiSurface(await npsPage(ctx, { manage: ctx.actor.can(P.manage) })), 200);
  })
  .openapi(cardRoute, async (c) => c.json(uiSurface(await dashboardCard(pluginContext<NpsSettings, NpsEvents>(c))), 200));
