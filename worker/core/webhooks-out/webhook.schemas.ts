// An outgoing-webhook subscription and its delivery attempts as the API takes and shows them.
import { z } from "@hono/zod-openapi";
import { pageQuery } from "../data/cursor";
import { OutboundUrl } from "../outbound/outbound-url";

export const WebhookUrl = OutboundUrl.openapi({ example: "https://hooks.example.com/crm" });

/** `<entity>.<past tense>` as events are named (a plugin's too: `loyalty.tier_changed`), or "*". */
const EventName = z
  .string()
  .max(80)
  .refine((name) => name === "*" || /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(name), { message: "invalid_event_name" });

const EventNames = z
  .array(EventName)
  .min(1)
  .max(100)
  .transform((names) => [...new Set(names)])
  .openapi({ example: ["customer.created", "order.paid"], description: 'Event names to send, or `["*"]` for every event.' });

const description = z.string().trim().max(200);

export const WebhookCreateInput = z
  .object({ url: WebhookUrl, events: EventNames, description: description.optional() })
  .strict()
  .openapi("WebhookCreate");

export const WebhookUpdateInput = z
  .object({
    url: WebhookUrl.optional(),
    events: EventNames.optional(),
    description: description.nullable().optional().openapi({ description: "null clears the description." }),
    enabled: z.boolean().optional().openapi({ description: "true re-enables a subscription that was disabled (e.g. after a 410)." }),
  })
  .strict()
  // Only for an otherwise valid body: an unknown field is the error to report, not emptiness.
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "nothing_to_change", when: (payload) => payload.issues.length === 0 })
  .openapi("WebhookUpdate");
export type WebhookUpdate = z.infer<typeof WebhookUpdateInput>;

export const WebhookIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });
export const WebhookListQuery = z.object(pageQuery);

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().openapi({ example: "gone (410)" }),
    lastStatus: z.number().int().nullable().openapi({ description: "HTTP status of the last attempt; null if it got no response." }),
    lastError: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    failureCount: z.number().int().openapi({ description: "Failed attempts since the last success." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Webhook");

export const WebhookWithSecretSchema = WebhookSchema.extend({
  secret: z.string().openapi({ description: "The signing secret (`whsec_…`). Shown only in this response; store it now." }),
}).openapi("WebhookWithSecret");

export const WebhookAttemptSchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventName: z.string(),
    attempt: z.number().int().openapi({ description: "1 for the first try of this event, 2 for its first retry, …" }),
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    at: z.string(),
  })
  .openapi("WebhookAttempt");
