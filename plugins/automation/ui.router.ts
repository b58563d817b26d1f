// Handlers of the automation page (forms and buttons only for who may use them; with `?flow=`, that
// flow's step editor and its dry run; with `?list=`, the composer for those customers) and of the panel on a customer's page.
import { and, eq } from "drizzle-orm";
import { createPluginRouter, customersTable, filterCondition, pluginContext, pluginNotFound, staticList, uiSurface } from "../../worker/plugin-api";
import { audienceCount } from "./campaign-audience";
import { AUTOMATION_PERMISSIONS as P } from "./permissions";
import { automationFlows as flows } from "./schema";
import { flowEditor } from "./ui-flow-editor";
import { automationPage } from "./ui-page";
import { customerPanel } from "./ui-customer-panel";
import { dryRunView } from "./ui-flow-dry-run";
import { customerPanelRoute, flowDryRunViewRoute, pageRoute } from "./ui.routes";

export const uiRouter = createPluginRouter()
  .openapi(pageRoute, async (c) => {
    const ctx = pluginContext(c);
    const can = { manage: ctx.actor.can(P.manage) };
    const { flow: flowId, list: listId } = c.req.valid("query");
    if (listId) {
      // The customers the bulk bar put on a list: the composer's audience is that list alone.
      if (!(await staticList(ctx, listId))) throw pluginNotFound("list", "query");
      const count = await audienceCount(ctx, filterCondition(ctx, { lists: [listId] }));
      return c.json(uiSurface(await automationPage(ctx, can, { listId, count })), 200);
    }
    if (!flowId) return c.json(uiSurface(await automationPage(ctx, can)), 200);
    const flow = await ctx.db.select().from(flows).where(and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.id, flowId))).get();
    if (!flow) throw pluginNotFound("flow", "query");
    return c.json(uiSurface(await flowEditor(ctx, flow, can)), 200);
  })
  .openapi(flowDryRunViewRoute, async (c) => {
    const ctx = pluginContext(c);
    const { flowId } = c.req.valid("param");
    const flow = await ctx.db.select().from(flows).where(and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.id, flowId))).get();
    if (!flow) throw pluginNotFound("flowId", "path");
    return c.json(uiSurface(await dryRunView(ctx, flow, c.req.valid("json").customer)), 200);
  })
  .openapi(customerPanelRoute, async (c) => {
    const ctx = pluginContext(c);
    const { customerId } = c.req.valid("param");
    const customer = await ctx.db.select({ id: customersTable.id }).from(customersTable).where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, customerId))).get();
    if (!customer) throw pluginNotFound("customerId", "path");
    return c.json(uiSurface(await customerPanel(ctx, customerId)), 200);
  });
