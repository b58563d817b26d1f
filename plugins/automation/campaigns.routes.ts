// The contract of the campaign routes: compose, estimate, send (now or at a local time), pause,
// resume, cancel, list and report.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema, pluginRoute, problemResponses } from "../../worker/plugin-api";
import { CampaignCompose, CampaignComposed, CampaignContent, CampaignCreate, CampaignEstimate, CampaignIdParam, CampaignSend, CampaignView } from "./campaign-schemas";
import { AUTOMATION_PERMISSIONS as P } from "./permissions";

const tags = ["Marketing automation"];
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const one = { 200: { description: "The campaign with its report.", ...json(CampaignView) }, ...problemResponses };

export const createCampaignRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/campaigns",
  tags,
  summary: "Compose a campaign (a draft)",
  request: { body: { required: true, ...json(CampaignCreate) } },
  responses: { 201: { description: "The draft.", ...json(CampaignView) }, ...problemResponses },
});

export const estimateCampaignRoute = pluginRoute(P.read, {
  method: "post",
  path: "/campaigns/estimate",
  tags,
  summary: "Audience, skips by reason, SMS parts and cost of a campaign if sent now",
  request: { body: { required: true, ...json(CampaignContent.openapi("AutomationCampaignContent")) } },
  responses: { 200: { description: "The estimate.", ...json(CampaignEstimate) }, ...problemResponses },
});

export const listCampaignsRoute = pluginRoute(P.read, {
  method: "get",
  path: "/campaigns",
  tags,
  summary: "Campaigns, newest first",
  request: { query: z.object(pageQuery) },
  responses: { 200: { description: "A page of campaigns.", ...json(pageSchema(CampaignView)) }, ...problemResponses },
});

export const getCampaignRoute = pluginRoute(P.read, { method: "get", path: "/campaigns/{campaignId}", tags, summary: "A campaign and its report", request: { params: CampaignIdParam }, responses: one });

export const sendCampaignRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/campaigns/{campaignId}/send",
  tags,
  summary: "Send a draft now, or at a local time of the workspace",
  request: { params: CampaignIdParam, body: { required: true, ...json(CampaignSend) } },
  responses: one,
});

const Empty = z.object({}).strict();
const action = (verb: "pause" | "resume" | "cancel", summary: string) =>
  pluginRoute(P.manage, { method: "post", path: `/campaigns/{campaignId}/${verb}`, tags, summary, request: { params: CampaignIdParam, body: { required: false, ...json(Empty) } }, responses: one });

export const pauseCampaignRoute = action("pause", "Pause a sending or scheduled campaign (no chunk sends after this)");
export const resumeCampaignRoute = action("resume", "Resume a paused campaign where it stopped");
export const cancelCampaignRoute = action("cancel", "Cancel a campaign for good");

export const composeCampaignRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/campaigns/compose",
  tags,
  summary: "The composer: save a draft to a saved segment or a static list and get its audience and cost",
  request: { body: { required: true, ...json(CampaignCompose) } },
  responses: { 201: { description: "The draft's id, audience, reachable customers, SMS parts and cost.", ...json(CampaignComposed) }, ...problemResponses },
});
