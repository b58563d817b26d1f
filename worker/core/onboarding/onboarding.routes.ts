// The contract of the first-run checklist: each setup step, whether it is done, and where it is done.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, jsonResponse } from "../http/route";

export const SETUP_STEPS = ["connect-shop", "import-data", "invite-staff", "sms-provider", "choose-plugins"] as const;

export const SetupChecklistSchema = z
  .object({
    steps: z.array(
      z.object({
        key: z.enum(SETUP_STEPS),
        done: z.boolean(),
        href: z.string().openapi({ description: "The page of the UI where the step is done." }),
        permission: z.string().openapi({ description: "What the step needs; the UI shows a step only to who may do it." }),
      }),
    ),
    complete: z.boolean(),
  })
  .openapi("SetupChecklist");

export const setupChecklistRoute = guardedRoute("signed-in", {
  method: "get",
  path: "/api/onboarding",
  tags: ["Workspace"],
  summary: "The first-run checklist: connect a shop, import a file, invite staff, set an SMS provider, choose plugins",
  responses: { 200: jsonResponse("Each step and whether it is done.", SetupChecklistSchema), 401: problemResponses[401] },
});
