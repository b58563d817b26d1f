// Handlers of the campaign routes. Every change is audited in the batch that makes it; a state
// change is a conditional update, so a double click or a race never sends twice.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { createPluginRouter, cursorId, localMidnight, newId, pluginAuditEntry, pluginContext, pluginNotFound, pluginRefusal, staticList, toPage, type PluginContext } from "../../worker/plugin-api";
import { audienceCount, requireAudience } from "./campaign-audience";
import { estimateCampaign } from "./campaign-estimate";
import { presentCampaign } from "./campaign-report";
import { CHUNK_JOB, startCampaign } from "./campaign-sending";
import {
  cancelCampaignRoute,
  composeCampaignRoute,
  createCampaignRoute,
  estimateCampaignRoute,
  getCampaignRoute,
  listCampaignsRoute,
  pauseCampaignRoute,
  resumeCampaignRoute,
  sendCampaignRoute,
} from "./campaigns.routes";
import { automationCampaigns as campaigns, type CampaignStatus } from "./schema";
import { CAMPAIGN_WRONG_STATE, PLUGIN_NAME, SEND_AT_PAST } from "./texts";

type Ctx = PluginContext<unknown>;
type CampaignInput = { name: string; segmentId?: string; filter?: Record<string, unknown>; channel: "sms" | "email"; template?: string; body?: { en: string; fa: string }; subject?: { en: string; fa: string }; link?: string };

const campaignWhere = (ctx: Ctx, id: string) => and(eq(campaigns.workspaceId, ctx.workspaceId), eq(campaigns.id, id));

async function findCampaign(ctx: Ctx, id: string) {
  const campaign = await ctx.db.select().from(campaigns).where(campaignWhere(ctx, id)).get();
  if (!campaign) throw pluginNotFound("campaignId", "path");
  return campaign;
}

/** "2026-12-20T10:00" in the workspace's time zone, as an instant. */
function localInstant(value: string, timeZone: string): number {
  const [day, time] = value.split("T") as [string, string];
  return localMidnight(day, timeZone) + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000;
}

const wrongState = () => pluginRefusal(409, PLUGIN_NAME, CAMPAIGN_WRONG_STATE, { reason: "campaign_state" });

/** Moves a campaign from one of `from` to `to`; a 409 when it is in none of them. */
async function transition(c: Parameters<typeof pluginContext>[0], id: string, from: CampaignStatus[], to: CampaignStatus, action: string) {
  const ctx = pluginContext(c);
  await findCampaign(ctx, id);
  const time = ctx.now();
  const [changed] = await ctx.db.batch([
    ctx.db
      .update(campaigns)
      .set({ status: to, updatedAt: time, ...(to === "cancelled" ? { finishedAt: time } : {}), ...(to === "sending" ? { progressAt: time } : {}) })
      .where(and(campaignWhere(ctx, id), sql`${campaigns.status} in ${from}`))
      .returning(),
    pluginAuditEntry(c, { action: `automation.campaign_${action}`, entityType: "automation_campaign", entityId: id }),
  ]);
  const row = (changed as Array<typeof campaigns.$inferSelect>)[0];
  if (!row) throw wrongState();
  return row;
}

/** Saves a draft (its audience checked) and returns its id. */
async function saveDraft(c: Parameters<typeof pluginContext>[0], input: CampaignInput): Promise<string> {
    const ctx = pluginContext(c);
    const time = ctx.now();
    const id = newId("cmp", time);
    const row = {
      id,
      workspaceId: ctx.workspaceId,
      name: input.name,
      segmentId: input.segmentId ?? null,
      filter: input.filter ?? null,
      channel: input.channel,
      template: input.template ?? null,
      body: input.body ?? null,
      subject: input.subject ?? null,
      link: input.link ?? null,
      status: "draft" as const,
      createdByUserId: ctx.actor.userId,
      createdAt: time,
      updatedAt: time,
    };
    await ctx.db.batch([ctx.db.insert(campaigns).values(row), pluginAuditEntry(c, { action: "automation.campaign_created", entityType: "automation_campaign", entityId: id })]);
    return id;
}

export const campaignsRouter = createPluginRouter()
  .openapi(createCampaignRoute, async (c) => {
    const ctx = pluginContext(c);
    const input = c.req.valid("json");
    await requireAudience(ctx, input);
    const id = await saveDraft(c, input);
    return c.json(await presentCampaign(ctx, await findCampaign(ctx, id)), 201);
  })
  .openapi(composeCampaignRoute, async (c) => {
    const ctx = pluginContext(c);
    const { name, segmentId, listId, channel, textFa, textEn } = c.req.valid("json");
    // A static list (the customers list's selection) is targeted as an ad-hoc filter on it.
    if (listId && !(await staticList(ctx, listId))) throw pluginNotFound("listId");
    const input = { name, channel, body: { fa: textFa, en: textEn }, ...(listId ? { filter: { lists: [listId] } } : { segmentId }) };
    const estimate = await estimateCampaign(ctx, await requireAudience(ctx, input), input);
    const id = await saveDraft(c, input);
    return c.json({ id, audience: estimate.audience, reachable: estimate.reachable, parts: estimate.sms?.parts ?? null, totalCost: estimate.sms?.totalCost ?? null }, 201);
  })
  .openapi(estimateCampaignRoute, async (c) => {
    const ctx = pluginContext(c);
    const input = c.req.valid("json");
    return c.json(await estimateCampaign(ctx, await requireAudience(ctx, input), input), 200);
  })
  .openapi(listCampaignsRoute, async (c) => {
    const ctx = pluginContext(c);
    const { cursor, limit } = c.req.valid("query");
    const before = cursorId(cursor);
    const rows = await ctx.db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, ctx.workspaceId), before ? lt(campaigns.id, before) : undefined))
      .orderBy(desc(campaigns.id))
      .limit(limit + 1);
    const page = toPage(rows, limit, (row) => [row.id], (row) => row);
    return c.json({ items: await Promise.all(page.items.map((row) => presentCampaign(ctx, row))), nextCursor: page.nextCursor }, 200);
  })
  .openapi(getCampaignRoute, async (c) => {
    const ctx = pluginContext(c);
    return c.json(await presentCampaign(ctx, await findCampaign(ctx, c.req.valid("param").campaignId)), 200);
  })
  .openapi(sendCampaignRoute, async (c) => {
    const ctx = pluginContext(c);
    const { campaignId } = c.req.valid("param");
    const { at } = c.req.valid("json");
    const campaign = await findCampaign(ctx, campaignId);
    if (campaign.status !== "draft") throw wrongState();
    if (at) {
      const sendAt = localInstant(at, ctx.timeZone);
      if (sendAt <= ctx.now()) throw pluginRefusal(422, PLUGIN_NAME, SEND_AT_PAST, { field: "at", reason: "send_at_past" });
      const [scheduled] = await ctx.db.batch([
        ctx.db.update(campaigns).set({ status: "scheduled", sendAt, updatedAt: ctx.now() }).where(and(campaignWhere(ctx, campaignId), eq(campaigns.status, "draft"))).returning({ id: campaigns.id }),
        pluginAuditEntry(c, { action: "automation.campaign_scheduled", entityType: "automation_campaign", entityId: campaignId, details: { sendAt } }),
      ]);
      if ((scheduled as unknown[]).length === 0) throw wrongState();
    } else {
      const condition = await requireAudience(ctx, campaign);
      if (!(await startCampaign(ctx, campaignId, await audienceCount(ctx, condition)))) throw wrongState();
      await ctx.db.batch([pluginAuditEntry(c, { action: "automation.campaign_sent", entityType: "automation_campaign", entityId: campaignId })]);
    }
    return c.json(await presentCampaign(ctx, await findCampaign(ctx, campaignId)), 200);
  })
  .openapi(pauseCampaignRoute, async (c) => {
    const ctx = pluginContext(c);
    const row = await transition(c, c.req.valid("param").campaignId, ["sending", "scheduled"], "paused", "paused");
    return c.json(await presentCampaign(ctx, row), 200);
  })
  .openapi(resumeCampaignRoute, async (c) => {
    const ctx = pluginContext(c);
    const row = await transition(c, c.req.valid("param").campaignId, ["paused"], "sending", "resumed");
    // A campaign paused before it started resumes as scheduled sending would: from the start.
    await ctx.enqueue(CHUNK_JOB, { campaignId: row.id, after: row.cursor });
    return c.json(await presentCampaign(ctx, row), 200);
  })
  .openapi(cancelCampaignRoute, async (c) => {
    const ctx = pluginContext(c);
    const row = await transition(c, c.req.valid("param").campaignId, ["draft", "scheduled", "sending", "paused"], "cancelled", "cancelled");
    return c.json(await presentCampaign(ctx, row), 200);
  });
