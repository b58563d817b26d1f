// A message as the API takes it and gives it back (also the timeline's message entry).
import { z } from "@hono/zod-openapi";
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, MESSAGE_STATUSES, PROVIDER_KINDS, SKIP_REASONS } from "./messaging.schema";

export const IdempotencyKey = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{1,120}$/, { message: "invalid_idempotency_key" })
  .openapi({ description: "The same key never sends twice: a repeat answers with the first message.", example: "order-1042-thanks" });

/** A link to put behind a short link: a web address only (no javascript:, no data:). */
export const LinkUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((raw) => URL.canParse(raw) && ["https:", "http:"].includes(new URL(raw).protocol), { message: "invalid_link_url" })
  .openapi({ example: "https://shop.example/spring" });

export const MessageSendInput = z
  .object({
    channel: z.enum(MESSAGE_CHANNELS),
    purpose: z
      .enum(MESSAGE_PURPOSES)
      .openapi({ description: "Required: every send says what it is for. `marketing` obeys the workspace's quiet hours, caps and daily limit; `transactional` (a receipt, a code, an answer) goes at once." }),
    subject: z.string().trim().min(1).max(200).optional().openapi({ description: "Required for e-mail without a template; SMS has none." }),
    body: z.string().trim().min(1).max(5000).optional().openapi({ description: "The text, with placeholders such as {firstName}; or give `template`." }),
    template: z.string().trim().min(1).max(80).optional().openapi({ description: "A saved template's name, rendered in the customer's language." }),
    variables: z
      .record(z.string().regex(/^[A-Za-z]{1,40}$/), z.union([z.string().max(500), z.number()]))
      .optional()
      .openapi({ description: "Values for placeholders ({points}, {coupon} …); {firstName}, {lastName}, {shopName} are filled by core." }),
    link: z
      .object({ url: LinkUrl, expiresAt: z.number().int().positive().optional() })
      .strict()
      .optional()
      .openapi({ description: "A web address put behind a short link (/s/{code}); fills {link}." }),
    notBefore: z.number().int().positive().optional().openapi({ description: "Not before this time (epoch ms); the message is deferred until then." }),
    idempotencyKey: IdempotencyKey.optional().openapi({ description: "Defaults to a random key (every request is a new message)." }),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.body === undefined) === (input.template === undefined)) ctx.addIssue({ code: "custom", path: ["body"], message: "text_or_template_required" });
    if (input.channel === "email" && input.subject === undefined && input.template === undefined) ctx.addIssue({ code: "custom", path: ["subject"], message: "subject_required" });
  })
  .openapi("MessageSend");
export type MessageSend = z.infer<typeof MessageSendInput>;

export const MessageSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    channel: z.enum(MESSAGE_CHANNELS),
    purpose: z.enum(MESSAGE_PURPOSES),
    status: z.enum(MESSAGE_STATUSES).openapi({
      description:
        "`deferred`: waits for `dueAt` (quiet hours, notBefore); `sending`: in progress; `sent`: the provider accepted it; `recorded`: kept by the outbox, delivered nowhere; `delivered`: the provider reported it delivered; `failed`: see `error`; `skipped`: see `reason`.",
    }),
    reason: z
      .enum(SKIP_REASONS)
      .nullable()
      .openapi({ description: "Why a skipped message was not sent: no consent for the channel, no mobile / e-mail, the customer's marketing cap, or the workspace's daily marketing limit." }),
    dueAt: z.string().nullable().openapi({ description: "When a deferred message is to be sent." }),
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
