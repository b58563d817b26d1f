// A message as the API takes it and gives it back (also the timeline's message entry).
import { z } from "@hono/zod-openapi";
import { MESSAGE_CHANNELS, MESSAGE_STATUSES, PROVIDER_KINDS, SKIP_REASONS } from "./messaging.schema";

export const IdempotencyKey = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{1,120}$/, { message: "invalid_idempotency_key" })
  .openapi({ description: "The same key never sends twice: a repeat answers with the first message.", example: "order-1042-thanks" });

export const MessageSendInput = z
  .object({
    channel: z.enum(MESSAGE_CHANNELS),
    subject: z.string().trim().min(1).max(200).optional().openapi({ description: "Required for e-mail; SMS has none." }),
    body: z.string().trim().min(1).max(5000),
    idempotencyKey: IdempotencyKey.optional().openapi({ description: "Defaults to a random key (every request is a new message)." }),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.channel === "email" && input.subject === undefined) ctx.addIssue({ code: "custom", path: ["subject"], message: "subject_required" });
  })
  .openapi("MessageSend");
export type MessageSend = z.infer<typeof MessageSendInput>;

export const MessageSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    channel: z.enum(MESSAGE_CHANNELS),
    status: z.enum(MESSAGE_STATUSES).openapi({
      description: "`sent`: the provider accepted it; `recorded`: kept by the outbox, delivered nowhere; `failed`: see `error`; `skipped`: see `reason`; `sending`: in progress.",
    }),
    reason: z.enum(SKIP_REASONS).nullable().openapi({ description: "Why a skipped message was not sent: no consent for the channel, or no mobile / e-mail." }),
    to: z.string().nullable().openapi({ description: "Where it went, masked (0912*****67)." }),
    subject: z.string().nullable(),
    body: z.string(),
    provider: z.enum(PROVIDER_KINDS).nullable(),
    providerMessageId: z.string().nullable(),
    error: z.string().nullable(),
    sentBy: z.object({ userId: z.string().nullable(), plugin: z.string().nullable() }),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi("Message");
export type MessageView = z.infer<typeof MessageSchema>;
