// The plugin's own events: every answer (the loyalty club's survey bonus hooks `nps.responded`),
// and every detractor (automation can react; this plugin opens the follow-up task on it).
import { z } from "@hono/zod-openapi";

const band = z.enum(["detractor", "passive", "promoter"]);

export const npsEvents = {
  "nps.responded": z.object({ customerId: z.string(), responseId: z.string(), surveyId: z.string(), score: z.number().int().min(0).max(10), band }),
  "nps.detractor": z.object({ customerId: z.string(), responseId: z.string(), surveyId: z.string(), score: z.number().int().min(0).max(6) }),
};

export type NpsEvents = typeof npsEvents;
