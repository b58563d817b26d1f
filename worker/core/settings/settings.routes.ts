// The settings contract: read them (any staff member), change them (settings:manage).
import { z } from "@hono/zod-openapi";
import { ProblemSchema, problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { SettingsSchema, SettingsUpdateInput } from "./settings.schemas";

const settingsResponse = (description: string) => ({ description, content: { "application/json": { schema: SettingsSchema } } });

const CidChangeBlockedSchema = ProblemSchema.extend({
  lacking: z.object({
    total: z.number().int().openapi({ description: "How many live customers lack an identifier of the kind." }),
    customers: z.array(z.object({ id: z.string(), code: z.string(), displayName: z.string() })).openapi({ description: "The first 50 of them." }),
  }),
}).openapi("CidChangeBlocked");

export const getSettingsRoute = guardedRoute("signed-in", {
  method: "get",
  path: "/api/settings",
  tags: ["Settings"],
  summary: "The workspace's settings",
  responses: { 200: settingsResponse("The settings."), 401: problemResponses[401] },
});

export const updateSettingsRoute = guardedRoute("settings:manage", {
  method: "patch",
  path: "/api/settings",
  tags: ["Settings"],
  summary: "Change the workspace's name, CID kind, lapsed window, language, time zone or currency",
  description:
    "Changing the CID kind re-keys every customer in the same write. The currency only relabels amounts; it converts nothing. Every change is audited with its before and after values.",
  request: { body: { content: { "application/json": { schema: SettingsUpdateInput } }, required: true } },
  responses: {
    200: settingsResponse("The settings as they are now."),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    409: {
      description: "Some live customers lack an identifier of the new CID kind (`cid_change_blocked`); they are listed. Or sign-in by SMS code was turned on with no SMS provider (`sms_sign_in_needs_provider`).",
      content: { "application/problem+json": { schema: CidChangeBlockedSchema } },
    },
  },
});
