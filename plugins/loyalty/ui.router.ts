// Handlers of the UI surfaces: forms appear only for who may send them.
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
    const ctx = pluginContext<LoyaltySettings>(c);
    const { customerId } = c.req.valid("param");
    const customer = await liveCustomer(ctx, customerId);
    if (!customer || customer.id !== customerId) throw pluginNotFound();
    const can = c.get("actor")!.permissions;
    const blocks = await customerPanel(ctx, customer, await findMember(ctx, customer.id), c.get("locale"), { adjust: can.has(P.adjust), redeem: can.has(P.redeem) });
    return c.json(uiSurface(blocks), 200);
  })
  .openapi(pageRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings>(c);
    const can = c.get("actor")!.permissions;
    return c.json(uiSurface(await clubPage(ctx, c.get("locale"), { redeem: can.has(P.redeem), manage: can.has(P.manage) })), 200);
  })
  .openapi(cardRoute, async (c) => c.json(uiSurface(await dashboardCard(pluginContext<LoyaltySettings>(c))), 200));
