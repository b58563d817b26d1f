// A message template as the API takes it and gives it back.
import { z } from "@hono/zod-openapi";
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES } from "./messaging.schema";

const Bilingual = (max: number) =>
  z
    .object({ fa: z.string().trim().max(max), en: z.string().trim().max(max) })
    .strict()
    .refine((text) => text.fa !== "" || text.en !== "", { message: "value_required", path: ["fa"] });

export const TemplateInput = z
  .object({
    name: z.string().trim().min(1).max(80).openapi({ example: "spring-sale", description: "Unique in the workspace; senders name the template by it." }),
    channel: z.enum(MESSAGE_CHANNELS),
    purpose: z.enum(MESSAGE_PURPOSES).openapi({ description: "A marketing template is sent as marketing whatever the sender says." }),
    text: Bilingual(1000).openapi({
      description:
        "The text in each language (the customer's is used; the other when it is empty). Placeholders: {firstName} {lastName} {shopName} {points} {coupon} {link} {code} {orderNumber} {amount} {date}.",
    }),
    subject: Bilingual(200).nullable().optional().openapi({ description: "E-mail only." }),
    providerTemplate: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .openapi({ description: "The provider's own template (\"pattern\", \"verify lookup\") this one stands for: a transactional send then uses the provider's fast path." }),
  })
  .strict()
  .openapi("MessageTemplateInput");
export type TemplateInput = z.infer<typeof TemplateInput>;

export const TemplateUpdate = TemplateInput.partial().strict().openapi("MessageTemplateUpdate");
export type TemplateUpdate = z.infer<typeof TemplateUpdate>;

export const TemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    channel: z.enum(MESSAGE_CHANNELS),
    purpose: z.enum(MESSAGE_PURPOSES),
    text: z.object({ fa: z.string(), en: z.string() }),
    subject: z.object({ fa: z.string(), en: z.string() }).nullable(),
    providerTemplate: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("MessageTemplate");
export type TemplateView = z.infer<typeof TemplateSchema>;

export const PreviewInput = z
  .object({
    channel: z.enum(MESSAGE_CHANNELS).default("sms"),
    body: z.string().max(5000).optional().openapi({ description: "The text as typed (placeholders are counted as written); or give `template`." }),
    template: z.string().trim().min(1).max(80).optional().openapi({ description: "A saved template, rendered with sample values." }),
    locale: z.enum(["fa", "en"]).optional().openapi({ description: "Which of the template's texts; the workspace's language by default." }),
    recipients: z.number().int().min(1).max(1_000_000).optional().openapi({ description: "For the total cost of sending to this many." }),
  })
  .strict()
  .refine((input) => (input.body === undefined) !== (input.template === undefined), { message: "text_or_template_required", path: ["body"] })
  .openapi("MessagePreviewInput");

const Money = z.object({ amount: z.number().int().openapi({ description: "In the workspace currency's minor units." }), currency: z.string() });

export const PreviewSchema = z
  .object({
    encoding: z.enum(["gsm7", "ucs2"]).openapi({ description: "GSM-7 (Latin) or UCS-2 (anything else: Persian, ZWNJ, emoji)." }),
    characters: z.number().int().openapi({ description: "In the encoding's units: GSM-7 extension characters count 2, emoji 2 in UCS-2." }),
    parts: z.number().int().openapi({ description: "160 / 153 per part in GSM-7, 70 / 67 in UCS-2." }),
    charactersLeft: z.number().int().openapi({ description: "Room left before another part starts." }),
    cost: Money.nullable().openapi({ description: "Parts times the price per part set for the workspace's SMS provider; null when no price is set." }),
    recipients: z.number().int(),
    totalCost: Money.nullable(),
    text: z.string().openapi({ description: "The text counted." }),
  })
  .openapi("MessagePreview");
