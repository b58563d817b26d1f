// An interaction as the API takes it and gives it back.
import { z } from "@hono/zod-openapi";
import { TimeWithOffset } from "../calendar/calendar-day";
import { now } from "../data/clock";
import { pageQuery } from "../data/cursor";
import { FollowUpTaskInput } from "../tasks/task.schemas";
import { CALL_OUTCOMES, COMPLAINT_STATUSES, INTERACTION_DIRECTIONS, INTERACTION_TYPES, type InteractionType } from "./interactions.schema";

/** Clocks disagree a little; an interaction further ahead than this has not happened yet. */
export const FUTURE_TOLERANCE_MS = 15 * 60 * 1000;

/** Types whose direction is in their nature; conversations must say who reached out. */
export const DEFAULT_DIRECTION: Partial<Record<InteractionType, (typeof INTERACTION_DIRECTIONS)[number]>> = {
  note: "internal",
  visit: "inbound",
  complaint: "inbound",
  pre_invoice: "outbound",
  invoice: "outbound",
};

export const InteractionCreateInput = z
  .object({
    type: z.enum(INTERACTION_TYPES),
    channel: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, { message: "invalid_channel" })
      .optional()
      .openapi({
        description: "Where it happened, e.g. `instagram`, `telegram`, `whatsapp`, `bale` for `social`; `phone`, `shop`. Required for `social`.",
        example: "instagram",
      }),
    direction: z
      .enum(INTERACTION_DIRECTIONS)
      .optional()
      .openapi({ description: "Required for call, sms, email, chat and social; the other types default (note internal, visit and complaint inbound, invoices outbound)." }),
    summary: z.string().trim().min(1).max(4000),
    occurredAt: TimeWithOffset.transform((value) => Date.parse(value))
      .refine((ms) => ms <= now() + FUTURE_TOLERANCE_MS, { message: "occurred_in_future" })
      .optional()
      .openapi({ description: "When it happened; defaults to now.", example: "2025-03-21T09:30:00+03:30" }),
    staffUserId: z.string().min(1).max(64).optional().openapi({ description: "The staff member involved; defaults to the caller." }),
    outcome: z.enum(CALL_OUTCOMES).optional().openapi({ description: "Calls only: how the call went." }),
    durationSeconds: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600)
      .optional()
      .openapi({ description: "Calls only: how long it lasted, in seconds.", example: 180 }),
    status: z.enum(COMPLAINT_STATUSES).optional().openapi({ description: "Complaints only; a new complaint is `open` unless told otherwise." }),
    followUp: FollowUpTaskInput.optional()
      .openapi({ description: "A follow-up task about the customer, created with the interaction (requires `tasks:write`)." }),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.type !== "call") {
      if (input.outcome !== undefined) ctx.addIssue({ code: "custom", path: ["outcome"], message: "only_for_calls" });
      if (input.durationSeconds !== undefined) ctx.addIssue({ code: "custom", path: ["durationSeconds"], message: "only_for_calls" });
    }
    if (input.type !== "complaint" && input.status !== undefined) ctx.addIssue({ code: "custom", path: ["status"], message: "only_for_complaints" });
    if (input.type === "social" && input.channel === undefined) {
      ctx.addIssue({ code: "custom", path: ["channel"], message: "channel_required" });
    }
    if (input.direction === undefined && DEFAULT_DIRECTION[input.type] === undefined) {
      ctx.addIssue({ code: "custom", path: ["direction"], message: "direction_required" });
    }
  })
  .openapi("InteractionCreate");
export type InteractionCreate = z.infer<typeof InteractionCreateInput>;

export const InteractionSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    type: z.enum(INTERACTION_TYPES),
    channel: z.string().nullable(),
    direction: z.enum(INTERACTION_DIRECTIONS),
    summary: z.string(),
    occurredAt: z.string(),
    staffUserId: z.string().nullable(),
    outcome: z.enum(CALL_OUTCOMES).nullable(),
    durationSeconds: z.number().int().nullable(),
    status: z.enum(COMPLAINT_STATUSES).nullable().openapi({ description: "Complaints only: open, in progress or resolved." }),
    statusChangedAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Interaction");
export type InteractionView = z.infer<typeof InteractionSchema>;

export const LoggedInteractionSchema = InteractionSchema.extend({
  followUpTaskId: z.string().nullable().openapi({ description: "The follow-up task created with it, if one was asked for." }),
}).openapi("LoggedInteraction");

export const ComplaintListQuery = z.object({
  ...pageQuery,
  status: z.enum(COMPLAINT_STATUSES).optional().openapi({ description: "Defaults to the ones still to work through: open and in progress." }),
});

export const ComplaintSchema = InteractionSchema.extend({
  customerName: z.string().nullable().openapi({ description: "The customer's shown name; null once erased or merged away." }),
}).openapi("Complaint");

export const ComplaintUpdateInput = z.object({ status: z.enum(COMPLAINT_STATUSES) }).strict().openapi("ComplaintUpdate");
