// The contract of surveys, sending and results.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema, pluginRoute, problemResponses } from "../../worker/plugin-api";
import {
  AudienceSchema,
  BreakdownQuery,
  BreakdownSchema,
  CampaignSchema,
  ResponseListQuery,
  ResponseSchema,
  ResultsQuery,
  ResultsSchema,
  SendInput,
  SendListQuery,
  SendSchema,
  SurveyCreateInput,
  SurveyIdParam,
  SurveySchema,
  SurveyUpdateInput,
} from "./api-schemas";
import { NPS_PERMISSIONS as P } from "./permissions";

const tags = ["NPS surveys"];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export const listSurveysRoute = pluginRoute(P.read, { method: "get", path: "/surveys", tags, summary: "Surveys, newest first", request: { query: z.object(pageQuery) }, responses: { 200: json("A page of surveys.", pageSchema(SurveySchema)), ...problemResponses } });

export const createSurveyRoute = pluginRoute(P.manage, { method: "post", path: "/surveys", tags, summary: "Creates a survey (audited)", request: body(SurveyCreateInput), responses: { 201: json("The survey.", SurveySchema), ...problemResponses } });

export const getSurveyRoute = pluginRoute(P.read, { method: "get", path: "/surveys/{surveyId}", tags, summary: "A survey", request: { params: SurveyIdParam }, responses: { 200: json("The survey.", SurveySchema), ...problemResponses } });

export const updateSurveyRoute = pluginRoute(P.manage, {
  method: "patch",
  path: "/surveys/{surveyId}",
  tags,
  summary: "Changes a survey's texts or timing, or pauses it (`active: false`) (audited)",
  request: { params: SurveyIdParam, ...body(SurveyUpdateInput) },
  responses: { 200: json("The survey.", SurveySchema), ...problemResponses },
});

export const audienceRoute = pluginRoute(P.manage, {
  method: "get",
  path: "/surveys/{surveyId}/audience",
  tags,
  summary: "How many customers a send would reach: in the segment (or all), and with consent for the channel",
  request: { params: SurveyIdParam, query: z.object({ segmentId: z.string().min(1).max(64).optional() }) },
  responses: { 200: json("The audience.", AudienceSchema), ...problemResponses },
});

export const sendSurveyRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/surveys/{surveyId}/send",
  tags,
  summary: "Sends the survey now or at a local time, to a saved segment or everyone with consent (audited); asked in chunks",
  request: { params: SurveyIdParam, ...body(SendInput) },
  responses: { 202: json("The campaign, under way.", CampaignSchema), ...problemResponses },
});

export const campaignsRoute = pluginRoute(P.manage, {
  method: "get",
  path: "/surveys/{surveyId}/campaigns",
  tags,
  summary: "The survey's sends to a segment or everyone, newest first, with their progress: sent, deferred, failed, skipped by reason",
  request: { params: SurveyIdParam, query: z.object(pageQuery) },
  responses: { 200: json("A page of campaigns.", pageSchema(CampaignSchema)), ...problemResponses },
});

export const resultsRoute = pluginRoute(P.read, { method: "get", path: "/results", tags, summary: "NPS overall and per period, the 0–10 distribution and the response rate (from daily rollups)", request: { query: ResultsQuery }, responses: { 200: json("The results.", ResultsSchema), ...problemResponses } });

export const breakdownRoute = pluginRoute(P.read, { method: "get", path: "/results/breakdown", tags, summary: "NPS per group of customers (stage, RFM group, city, saved segment), from each customer's last answer; or per channel asked (sms, email), from every answer", request: { query: BreakdownQuery }, responses: { 200: json("The groups.", BreakdownSchema), ...problemResponses } });

export const responsesRoute = pluginRoute(P.read, {
  method: "get",
  path: "/responses",
  tags,
  summary: "Responses, newest first: comments by band and period, one customer's answers, or testimonials",
  request: { query: ResponseListQuery.extend(pageQuery) },
  responses: { 200: json("A page of responses.", pageSchema(ResponseSchema)), ...problemResponses },
});

export const sendsRoute = pluginRoute(P.manage, {
  method: "get",
  path: "/surveys/{surveyId}/sends",
  tags,
  summary: "Who the survey was sent to, newest first: sent, queued, or skipped with the reason",
  request: { params: SurveyIdParam, query: SendListQuery.extend(pageQuery) },
  responses: { 200: json("A page of sends.", pageSchema(SendSchema)), ...problemResponses },
});
