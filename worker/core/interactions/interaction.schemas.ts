// An interaction as the API takes it and gives it back.
import { z } from "@hono/zod-openapi";
import { TimeWithOffset } from "../calendar/calendar-day";
import { now } from "../data/clock";
import { INTERACTION_DIRECTIONS, INTERACTION_TYPES, type InteractionType } from "./interactions.schema";

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
  })
  .strict()
  .superRefine((input, ctx) => {
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
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Interaction");
export type InteractionView = z.infer<typeof InteractionSchema>;
