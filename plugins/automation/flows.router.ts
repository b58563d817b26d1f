// Handlers of the flow routes. Publishing freezes the draft as a new version in the batch that
// points the flow at it; enrollments keep the version they entered. Every change is audited.
import { and, desc, eq, sql } from "drizzle-orm";
import { createPluginRouter, newId, pluginAuditEntry, pluginContext, pluginNotFound, pluginRefusal, type PluginContext } from "../../worker/plugin-api";
import type { FlowDefinition } from "./flow-definition";
import { nextOccurrence } from "./flow-entry";
import { presentFlow } from "./flow-report";
import { LOYALTY, LOYALTY_ACTIONS } from "./flow-loyalty";
import { FLOW_TEMPLATES, templateByKey, templateDefinition } from "./flow-templates";
import { triggerKeyOf } from "./flow-triggers";
import {
  createFlowRoute,
  dryRunFlowRoute,
  flowFromTemplateRoute,
  flowTemplatesRoute,
  getFlowRoute,
  listFlowsRoute,
  pauseAllFlowsRoute,
  pauseFlowRoute,
  publishFlowRoute,
  resumeFlowRoute,
  updateFlowRoute,
  webhookSecretRoute,
} from "./flows.routes";
import { refuseUnknownAssignees } from "./flow-assignees";
import { dryRunPaths, sampleCustomers } from "./flow-dry-run";
import { signingSecret } from "./flow-actions";
import { loadVersion } from "./flow-engine";
import { automationEnrollments as enrollments, automationFlows as flows, automationFlowVersions as versions } from "./schema";
import { CAMPAIGN_WRONG_STATE, PLUGIN_NAME } from "./texts";

type Ctx = PluginContext<unknown>;
type Flow = typeof flows.$inferSelect;

const flowWhere = (ctx: Ctx, id: string) => and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.id, id));

async function findFlow(ctx: Ctx, id: string): Promise<Flow> {
  const flow = await ctx.db.select().from(flows).where(flowWhere(ctx, id)).get();
  if (!flow) throw pluginNotFound("flowId", "path");
  return flow;
}

const wrongState = () => pluginRefusal(409, PLUGIN_NAME, CAMPAIGN_WRONG_STATE, { reason: "flow_state" });

async function createDraft(c: Parameters<typeof pluginContext>[0], name: string, definition: FlowDefinition) {
  const ctx = pluginContext(c);
  const time = ctx.now();
  const id = newId("flw", time);
  await ctx.db.batch([
    ctx.db.insert(flows).values({ id, workspaceId: ctx.workspaceId, name, status: "draft", draft: definition, version: null, triggerKey: null, createdAt: time, updatedAt: time }),
    pluginAuditEntry(c, { action: "automation.flow_created", entityType: "automation_flow", entityId: id }),
  ]);
  return presentFlow(ctx, await findFlow(ctx, id));
}

export const flowsRouter = createPluginRouter()
  // Before /flows/{flowId}, which would take "webhook-secret" for an id.
  .openapi(webhookSecretRoute, async (c) => {
    const ctx = pluginContext(c);
    const secret = await signingSecret(ctx);
    await ctx.db.batch([pluginAuditEntry(c, { action: "automation.webhook_secret_revealed", entityType: "automation_flow" })]);
    return c.json({ secret }, 200);
  })
  .openapi(dryRunFlowRoute, async (c) => {
    const ctx = pluginContext(c);
    const { flowId } = c.req.valid("param");
    const body = c.req.valid("json");
    const flow = await findFlow(ctx, flowId);
    const definition = body.of === "published" ? (flow.version ? await loadVersion(ctx, flowId, flow.version) : null) : flow.draft;
    if (!definition) throw wrongState();
    const at = ctx.now();
    const ids = body.customerId ? [body.customerId] : await sampleCustomers(ctx, definition, body.sample!);
    const found = await dryRunPaths(ctx, definition, ids, at);
    if (body.customerId && !found[0]) throw pluginNotFound("customerId");
    return c.json({ at, paths: found.filter((path) => path !== null) }, 200);
  })
  .openapi(createFlowRoute, async (c) => {
    const { name, definition } = c.req.valid("json");
    await refuseUnknownAssignees(pluginContext(c), definition);
    return c.json(await createDraft(c, name, definition), 201);
  })
  .openapi(flowFromTemplateRoute, async (c) => {
    const ctx = pluginContext(c);
    const { template: key, name } = c.req.valid("json");
    const template = templateByKey(key);
    if (!template) throw pluginNotFound("template");
    return c.json(await createDraft(c, name ?? template.name[ctx.locale], templateDefinition(template, ctx.locale, { loyalty: ctx.hasPluginAction(LOYALTY, LOYALTY_ACTIONS.coupon) })), 201);
  })
  .openapi(flowTemplatesRoute, async (c) => {
    const ctx = pluginContext(c);
    return c.json({ items: FLOW_TEMPLATES.map((template) => ({ key: template.key, name: template.name[ctx.locale], description: template.description[ctx.locale] })) }, 200);
  })
  .openapi(listFlowsRoute, async (c) => {
    const ctx = pluginContext(c);
    const rows = await ctx.db.select().from(flows).where(eq(flows.workspaceId, ctx.workspaceId)).orderBy(desc(flows.id)).limit(100);
    return c.json({ items: await Promise.all(rows.map((row) => presentFlow(ctx, row))) }, 200);
  })
  .openapi(getFlowRoute, async (c) => {
    const ctx = pluginContext(c);
    return c.json(await presentFlow(ctx, await findFlow(ctx, c.req.valid("param").flowId)), 200);
  })
  .openapi(updateFlowRoute, async (c) => {
    const ctx = pluginContext(c);
    const { flowId } = c.req.valid("param");
    const { name, definition } = c.req.valid("json");
    await findFlow(ctx, flowId);
    if (definition) await refuseUnknownAssignees(ctx, definition);
    await ctx.db.batch([
      ctx.db.update(flows).set({ ...(name ? { name } : {}), ...(definition ? { draft: definition } : {}), updatedAt: ctx.now() }).where(flowWhere(ctx, flowId)),
      pluginAuditEntry(c, { action: "automation.flow_edited", entityType: "automation_flow", entityId: flowId }),
    ]);
    return c.json(await presentFlow(ctx, await findFlow(ctx, flowId)), 200);
  })
  .openapi(publishFlowRoute, async (c) => {
    const ctx = pluginContext(c);
    const { flowId } = c.req.valid("param");
    const flow = await findFlow(ctx, flowId);
    const version = (flow.version ?? 0) + 1;
    const time = ctx.now();
    const trigger = flow.draft.trigger;
    // A recurring flow waits for its first occurrence; a segment flow scans at the next tick.
    const nextRunAt = trigger.type === "recurring" ? nextOccurrence(trigger, time, ctx.timeZone, null) : null;
    // The version number read is the guard: two publishes at once make one version each, never the same one twice.
    await ctx.db.batch([
      ctx.db.insert(versions).values({ workspaceId: ctx.workspaceId, flowId, version, definition: flow.draft, createdAt: time }),
      ctx.db.update(flows).set({ version, status: "active", triggerKey: triggerKeyOf(flow.draft), nextRunAt, updatedAt: time }).where(flowWhere(ctx, flowId)),
      pluginAuditEntry(c, { action: "automation.flow_published", entityType: "automation_flow", entityId: flowId, details: { version } }),
    ]);
    return c.json(await presentFlow(ctx, await findFlow(ctx, flowId)), 200);
  })
  .openapi(pauseFlowRoute, async (c) => {
    const ctx = pluginContext(c);
    const { flowId } = c.req.valid("param");
    await findFlow(ctx, flowId);
    const [changed] = await ctx.db.batch([
      ctx.db.update(flows).set({ status: "paused", updatedAt: ctx.now() }).where(and(flowWhere(ctx, flowId), eq(flows.status, "active"))).returning({ id: flows.id }),
      pluginAuditEntry(c, { action: "automation.flow_paused", entityType: "automation_flow", entityId: flowId }),
    ]);
    if ((changed as unknown[]).length === 0) throw wrongState();
    return c.json(await presentFlow(ctx, await findFlow(ctx, flowId)), 200);
  })
  .openapi(resumeFlowRoute, async (c) => {
    const ctx = pluginContext(c);
    const { flowId } = c.req.valid("param");
    await findFlow(ctx, flowId);
    const time = ctx.now();
    const [changed] = await ctx.db.batch([
      ctx.db.update(flows).set({ status: "active", updatedAt: time }).where(and(flowWhere(ctx, flowId), eq(flows.status, "paused"))).returning({ id: flows.id }),
      // Enrollments parked while paused go on at the next tick.
      ctx.db
        .update(enrollments)
        .set({ wakeAt: time })
        .where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.flowId, flowId), eq(enrollments.status, "waiting"), sql`${enrollments.wakeAt} > ${time}`, sql`${enrollments.updatedAt} >= ${(await findFlow(ctx, flowId)).updatedAt}`)),
      pluginAuditEntry(c, { action: "automation.flow_resumed", entityType: "automation_flow", entityId: flowId }),
    ]);
    if ((changed as unknown[]).length === 0) throw wrongState();
    return c.json(await presentFlow(ctx, await findFlow(ctx, flowId)), 200);
  })
  .openapi(pauseAllFlowsRoute, async (c) => {
    const ctx = pluginContext(c);
    const [paused] = await ctx.db.batch([
      ctx.db.update(flows).set({ status: "paused", updatedAt: ctx.now() }).where(and(eq(flows.workspaceId, ctx.workspaceId), eq(flows.status, "active"))).returning({ id: flows.id }),
      pluginAuditEntry(c, { action: "automation.flows_paused_all", entityType: "automation_flow" }),
    ]);
    return c.json({ paused: (paused as unknown[]).length }, 200);
  });
