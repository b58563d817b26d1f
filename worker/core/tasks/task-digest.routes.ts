// The contract of my daily task digest (Settings → My profile): off, or by e-mail or SMS when the
// workspace has a provider for that channel; SMS needs my own mobile (one place sets it: My profile).
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, jsonBody, jsonResponse } from "../http/route";
import { TASK_DIGEST_CHANNELS } from "../users/users.schema";

export const TaskDigestSchema = z
  .object({
    channel: z.enum(TASK_DIGEST_CHANNELS).openapi({ description: "How the caller gets the daily summary of their tasks overdue and due today; `off` by default." }),
    mobile: z.string().nullable().openapi({ description: "The caller's own mobile (E.164), for the SMS digest; set under My profile (`PATCH /api/auth/me`)." }),
    offered: z
      .object({ email: z.boolean(), sms: z.boolean() })
      .openapi({ description: "The channels the workspace has a real provider for (the outbox delivers nowhere, so it offers none)." }),
  })
  .openapi("TaskDigest");

export const TaskDigestInput = z
  .object({
    channel: z.enum(TASK_DIGEST_CHANNELS),
  })
  .strict()
  .openapi("TaskDigestChange");

export const taskDigestRoute = guardedRoute("tasks:read", {
  method: "get",
  path: "/api/tasks/digest",
  tags: ["Tasks"],
  summary: "My daily task digest setting",
  responses: { 200: jsonResponse("The caller's setting and the channels on offer.", TaskDigestSchema), 401: problemResponses[401], 403: problemResponses[403] },
});

export const setTaskDigestRoute = guardedRoute("tasks:read", {
  method: "put",
  path: "/api/tasks/digest",
  tags: ["Tasks"],
  summary: "Turn my daily task digest on or off",
  description:
    "Sent once a local day from 08:00, only when something is overdue or due today. A channel needs the workspace's provider for it (400 on `channel` otherwise); SMS needs the caller's mobile, set under My profile with `PATCH /api/auth/me` (400 on `channel` otherwise).",
  request: { body: jsonBody(TaskDigestInput) },
  responses: { 200: jsonResponse("The caller's setting as it is now.", TaskDigestSchema), ...problemResponses },
});
