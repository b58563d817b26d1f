// Handlers of surveys, sending and results. Sending makes a campaign whose audience is walked in
// chunks on the jobs queue (throttle and caps applying to each send); its progress is listed.
import { addDays, createPluginRouter, cursorId, localDay, localMidnight, pluginAuditEntry, pluginContext, pluginNotFound, toPage } from "../../worker/plugin-api";
import { and, desc, eq, lt } from "drizzle-orm";
import { presentCampaign, startCampaign } from "./campaign-chunks";
import type { NpsEvents } from "./events";
import { audienceCount } from "./queue";
import { listResponses, presentResponse } from "./responses";
import { breakdown, results } from "./results";
import { npsCampaigns, npsSends } from "./schema";
import { answerPath } from "./links";
import type { NpsSettings } from "./settings";
import { createSurvey, findSurvey, listSurveys, presentSurvey, updateSurvey } from "./surveys";
import {
  audienceRoute,
  breakdownRoute,
  campaignsRoute,
  createSurveyRoute,
  getSurveyRoute,
  listSurveysRoute,
  resultsRoute,
  responsesRoute,
  sendSurveyRoute,
  sendsRoute,
  updateSurveyRoute,
} from "./surveys.routes";

/** Today at a local HH:MM, or tomorrow when that time has passed. */
function nextLocalTime(at: number, time: string, timeZone: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const today = localDay(at, timeZone);
  const todayAt = localMidnight(today, timeZone) + (h * 60 + m) * 60_000;
  return todayAt > at ? todayAt : localMidnight(addDays(today, 1), timeZone) + (h * 60 + m) * 60_000;
}

export const surveysRouter = createPluginRouter()
  .openapi(listSurveysRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const { cursor, limit } = c.req.valid("query");
    return c.json(toPage(await listSurveys(ctx, cursorId(cursor), limit), limit, (row) => [row.id], presentSurvey), 200);
  })
  .openapi(createSurveyRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const input = c.req.valid("json");
    const row = await createSurvey(ctx, input, (survey) => pluginAuditEntry(c, { action: "nps.survey_created", entityType: "nps_survey", entityId: survey.id, details: { name: survey.name, trigger: survey.trigger, channel: survey.channel } }));
    return c.json(presentSurvey(row), 201);
  })
  .openapi(getSurveyRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const row = await findSurvey(ctx, c.req.valid("param").surveyId);
    if (!row) throw pluginNotFound();
    return c.json(presentSurvey(row), 200);
  })
  .openapi(updateSurveyRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const { surveyId } = c.req.valid("param");
    const input = c.req.valid("json");
    const row = await updateSurvey(ctx, surveyId, input, pluginAuditEntry(c, { action: "nps.survey_changed", entityType: "nps_survey", entityId: surveyId, details: { ...input } }));
    if (!row) throw pluginNotFound();
    return c.json(presentSurvey(row), 200);
  })
  .openapi(audienceRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const survey = await findSurvey(ctx, c.req.valid("param").surveyId);
    if (!survey) throw pluginNotFound();
    const audience = await audienceCount(ctx, survey.channel, c.req.valid("query").segmentId ?? null);
    if (!audience) throw pluginNotFound("segmentId", "query");
    return c.json(audience, 200);
  })
  .openapi(sendSurveyRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const { surveyId } = c.req.valid("param");
    const input = c.req.valid("json");
    const survey = await findSurvey(ctx, surveyId);
    if (!survey) throw pluginNotFound();
    const audience = await audienceCount(ctx, survey.channel, input.segmentId);
    if (!audience) throw pluginNotFound("segmentId");
    const notBefore = input.at === null ? ctx.now() : nextLocalTime(ctx.now(), input.at, ctx.timeZone);
    const audit = pluginAuditEntry(c, { action: "nps.survey_sent", entityType: "nps_survey", entityId: surveyId, details: { segmentId: input.segmentId, at: input.at } });
    const campaign = await startCampaign(ctx, survey, input.segmentId, notBefore, audience.withConsent, audit);
    return c.json(presentCampaign(campaign), 202);
  })
  .openapi(campaignsRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const { surveyId } = c.req.valid("param");
    const { cursor, limit } = c.req.valid("query");
    if (!(await findSurvey(ctx, surveyId))) throw pluginNotFound();
    const after = cursorId(cursor);
    const rows = await ctx.db
      .select()
      .from(npsCampaigns)
      .where(and(eq(npsCampaigns.workspaceId, ctx.workspaceId), eq(npsCampaigns.surveyId, surveyId), after ? lt(npsCampaigns.id, after) : undefined))
      .orderBy(desc(npsCampaigns.id))
      .limit(limit + 1);
    return c.json(toPage(rows, limit, (row) => [row.id], presentCampaign), 200);
  })
  .openapi(sendsRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const { surveyId } = c.req.valid("param");
    const { cursor, limit, status, customerId } = c.req.valid("query");
    if (!(await findSurvey(ctx, surveyId))) throw pluginNotFound();
    const after = cursorId(cursor);
    const rows = await ctx.db
      .select()
      .from(npsSends)
      .where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.surveyId, surveyId), status ? eq(npsSends.status, status) : undefined, customerId ? eq(npsSends.customerId, customerId) : undefined, after ? lt(npsSends.id, after) : undefined))
      .orderBy(desc(npsSends.id))
      .limit(limit + 1);
    const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
    return c.json(
      toPage(rows, limit, (row) => [row.id], (row) => ({ id: row.id, customerId: row.customerId, status: row.status, skipReason: row.skipReason, orderId: row.orderId, dueAt: new Date(row.dueAt).toISOString(), sentAt: iso(row.sentAt), respondedAt: iso(row.respondedAt), path: answerPath(ctx.workspaceId, row.token) })),
      200,
    );
  })
  .openapi(resultsRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    return c.json(await results(ctx, c.req.valid("query")), 200);
  })
  .openapi(breakdownRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const { by, segmentId } = c.req.valid("query");
    return c.json({ by, groups: await breakdown(ctx, by, segmentId) }, 200);
  })
  .openapi(responsesRoute, async (c) => {
    const ctx = pluginContext<NpsSettings, NpsEvents>(c);
    const { cursor, limit, withComment, testimonials, ...filter } = c.req.valid("query");
    const rows = await listResponses(ctx, { ...filter, withComment: withComment === "true", testimonials: testimonials === "true" }, cursorId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.id], presentResponse), 200);
  });
