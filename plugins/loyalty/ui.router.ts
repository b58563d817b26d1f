// Handlers of the UI surfaces: forms appear only for who may send them.
import type { LoyaltyEvents } from "./events";
import { createPluginRouter, pluginContext, pluginNotFound, uiSurface } from "../../worker/plugin-api";
import { findMember, liveCustomer } from "./members";
import { LOYALTY_PERMISSIONS as P } from "./permissions";
import type { LoyaltySettings } from "./settings";
import { dashboardCard } from "./ui-card";
import { clubPage } from "./ui-page";
import { customerPanel } from "./ui-panel";
import { cardRoute, customerPanelRoute, pageRoute } from "./ui.routes";

export const uiRouter = createPluginRouter()
  .openapi(customerPanelRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const { customerId } = c.req.valid("param");
    const customer = await liveCustomer(ctx, customerId);
    if (!customer || customer.id !== customerId) throw pluginNotFound();
    const blocks = await customerPanel(ctx, customer, await findMember(ctx, customer.id), ctx.locale, { adjust: ctx.actor.can(P.adjust), redeem: ctx.actor.can(P.redeem) });
    return c.json(uiSurface(blocks), 200);
  })
  .openapi(pageRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    return c.json(uiSurface(await clubPage(ctx, ctx.locale, { redeem: ctx.actor.can(P.redeem), manage: ctx.actor.can(P.manage) })), 200);
  })
  .openapi(cardRoute, async (c) => c.json(uiSurface(await dashboardCard(pluginContext<LoyaltySettings, LoyaltyEvents>(c))), 200));
