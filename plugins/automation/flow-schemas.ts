// What the flow routes take and answer (zod, published in /openapi.json).
import { z } from "@hono/zod-openapi";
import { FlowDefinition } from "./flow-definition";
import { FLOW_STATUSES } from "./schema";

export const FlowCreate = z.object({ name: z.string().trim().min(1).max(200), definition: FlowDefinition }).strict().openapi("AutomationFlowCreate");
export const FlowUpdate = z
  .object({ name: z.string().trim().min(1).max(200).optional(), definition: FlowDefinition.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.definition !== undefined, { message: "nothing_to_change" })
  .openapi("AutomationFlowUpdate");
export const FlowFromTemplate = z.object({ template: z.string().min(1).max(40), name: z.string().trim().min(1).max(200).optional() }).strict().openapi("AutomationFlowFromTemplate");
export const FlowIdParam = z.object({ flowId: z.string().min(1).max(64).openapi({ param: { name: "flowId", in: "path" } }) });

export const FlowReport = z.object({
  entered: z.number().int(),
  active: z.number().int(),
  waiting: z.number().int(),
  completed: z.number().int(),
  exited: z.record(z.string(), z.number().int()),
  conversions: z.number().int(),
  revenue: z.number().int(),
  steps: z.array(z.object({ step: z.number().int(), outcomes: z.record(z.string(), z.number().int()) })),
  arms: z.array(z.object({ arm: z.string(), entered: z.number().int(), conversions: z.number().int() })),
});

export const FlowView = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(FLOW_STATUSES),
    version: z.number().int().nullable(),
    draft: FlowDefinition,
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    report: FlowReport,
  })
  .openapi("AutomationFlow");
export type FlowView = z.infer<typeof FlowView>;
