// Handlers for crediting existing buyers: every chunk that credited something is audited (each
// order's credit commits on its own, so a chunk cut short leaves whole credits and the next call
// goes on from them).
import { createPluginRouter, pluginAuditEntry, pluginContext } from "../../worker/plugin-api";
import type { LoyaltyEvents } from "./events";
import { commit } from "./ledger";
import { creditPastOrders, previewPastOrders } from "./past-orders";
import { creditPastOrdersRoute, previewPastOrdersRoute } from "./past-orders.routes";
import type { LoyaltySettings } from "./settings";

export const pastOrdersRouter = createPluginRouter()
  .openapi(previewPastOrdersRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    return c.json(await previewPastOrders(ctx), 200);
  })
  .openapi(creditPastOrdersRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const { after } = c.req.valid("json");
    const chunk = await creditPastOrders(ctx, after ?? null);
    if (chunk.credited > 0) {
      await commit(ctx, [pluginAuditEntry(c, { action: "loyalty.past_orders_credited", entityType: "loyalty_club", entityId: ctx.workspaceId, details: { credited: chunk.credited, points: chunk.points, enrolled: chunk.enrolled, after: after ?? null } })]);
    }
    return c.json(chunk, 200);
  });
