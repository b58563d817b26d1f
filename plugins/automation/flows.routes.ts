// The contract of the flow routes: create (or from a template), edit the draft, publish a version,
// pause, resume, the kill switch, list, report and the template gallery.
import { z } from "@hono/zod-openapi";
import { pluginRoute, problemResponses } from "../../worker/plugin-api";
import { DryRunRequest, DryRunView, FlowCreate, FlowFromTemplate, FlowIdParam, FlowUpdate, FlowView } from "./flow-schemas";
import { AUTOMATION_PERMISSIONS as P } from "./permissions";

const tags = ["Marketing automation"];
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const one = { 200: { description: "The flow with its report.", ...json(FlowView) }, ...problemResponses };
const Empty = z.object({}).strict();

export const createFlowRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/flows",
  tags,
  summary: "Create a flow (a draft)",
  request: { body: { required: true, ...json(FlowCreate) } },
  responses: { 201: { description: "The draft.", ...json(FlowView) }, ...problemResponses },
});

export const flowFromTemplateRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/flows/from-template",
  tags,
  summary: "Create a draft flow from the template gallery",
  request: { body: { required: true, ...json(FlowFromTemplate) } },
  responses: { 201: { description: "The draft.", ...json(FlowView) }, ...problemResponses },
});

export const listFlowsRoute = pluginRoute(P.read, {
  method: "get",
  path: "/flows",
  tags,
  summary: "The workspace's flows with their reports",
  responses: { 200: { description: "Flows, newest first.", ...json(z.object({ items: z.array(FlowView) })) }, ...problemResponses },
});

export const flowTemplatesRoute = pluginRoute(P.read, {
  method: "get",
  path: "/flow-templates",
  tags,
  summary: "The template gallery",
  responses: {
    200: { description: "Templates.", ...json(z.object({ items: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })) })) },
    ...problemResponses,
  },
});

export const getFlowRoute = pluginRoute(P.read, { method: "get", path: "/flows/{flowId}", tags, summary: "A flow and its report", request: { params: FlowIdParam }, responses: one });

export const updateFlowRoute = pluginRoute(P.manage, {
  method: "patch",
  path: "/flows/{flowId}",
  tags,
  summary: "Edit a flow's draft (running enrollments keep their version)",
  request: { params: FlowIdParam, body: { required: true, ...json(FlowUpdate) } },
  responses: one,
});

const action = (verb: "publish" | "pause" | "resume", summary: string) =>
  pluginRoute(P.manage, { method: "post", path: `/flows/{flowId}/${verb}`, tags, summary, request: { params: FlowIdParam, body: { required: false, ...json(Empty) } }, responses: one });

export const publishFlowRoute = action("publish", "Publish the draft as a new, frozen version and activate the flow");
export const pauseFlowRoute = action("pause", "Pause a flow: no step runs and nothing is sent until it is resumed");
export const resumeFlowRoute = action("resume", "Resume a paused flow");

export const pauseAllFlowsRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/flows/pause-all",
  tags,
  summary: "The kill switch: pause every active flow of the workspace",
  request: { body: { required: false, ...json(Empty) } },
  responses: { 200: { description: "How many flows were paused.", ...json(z.object({ paused: z.number().int() })) }, ...problemResponses },
});

export const dryRunFlowRoute = pluginRoute(P.read, {
  method: "post",
  path: "/flows/{flowId}/dry-run",
  tags,
  summary: "The path a customer (or a sample) would take through the flow from now, sending and writing nothing",
  request: { params: FlowIdParam, body: { required: true, ...json(DryRunRequest) } },
  responses: { 200: { description: "Each customer's path.", ...json(DryRunView) }, ...problemResponses },
});

export const webhookSecretRoute = pluginRoute(P.manage, {
  method: "get",
  path: "/flows/webhook-secret",
  tags,
  summary: "The secret that signs the flows' webhook calls (Standard Webhooks), for their receivers",
  responses: { 200: { description: "The secret.", ...json(z.object({ secret: z.string() })) }, ...problemResponses },
});
