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
  /** The flow's messages: sent now, deferred past quiet hours, and of those the delivered (provider reports) and clicked. */
  messages: z.object({ sent: z.number().int(), deferred: z.number().int(), delivered: z.number().int(), clicked: z.number().int() }),
  steps: z.array(z.object({ step: z.number().int(), outcomes: z.record(z.string(), z.number().int()), delivered: z.number().int(), clicked: z.number().int() })),
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

export const DryRunRequest = z
  .object({
    /** One customer, or a sample of the newest customers matching the entry conditions. */
    customerId: z.string().min(1).max(64).optional(),
    sample: z.number().int().min(1).max(10).optional(),
    /** The draft being edited (default), or the published version customers enter now. */
    of: z.enum(["draft", "published"]).default("draft"),
  })
  .strict()
  .refine((body) => (body.customerId === undefined) !== (body.sample === undefined), { message: "customer_or_sample", path: ["customerId"] })
  .openapi("AutomationDryRunRequest");

export const DryRunStep = z.object({
  step: z.number().int(),
  type: z.string(),
  /** When the step would run (epoch ms). */
  at: z.number().int(),
  /** wait, branch_yes, branch_no, split, send, defer, skip_no_consent, skip_no_address, skip_no_coupon, add_tag, remove_tag, set_attribute, task, webhook, coupon, points, skip_loyalty_off, exit. */
  does: z.string(),
  until: z.number().int().optional(),
  arm: z.string().optional(),
  channel: z.enum(["sms", "email"]).optional(),
  text: z.string().optional(),
  template: z.string().optional(),
  parts: z.number().int().optional(),
  tag: z.string().optional(),
  attribute: z.object({ key: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }).optional(),
  task: z.object({ title: z.string(), dueAt: z.number().int() }).optional(),
  url: z.string().optional(),
});
export type DryRunStep = z.infer<typeof DryRunStep>;

export const DryRunPath = z.object({
  customerId: z.string(),
  name: z.string(),
  enters: z.boolean(),
  steps: z.array(DryRunStep),
  ends: z.enum(["completed", "exit_step", "opted_out", "not_entered"]),
});
export type DryRunPath = z.infer<typeof DryRunPath>;

export const DryRunView = z.object({ at: z.number().int(), paths: z.array(DryRunPath) }).openapi("AutomationDryRun");
