// The messaging providers contract: see each channel's provider; choose one (settings:manage).
// Secrets are write-only: they are accepted here and never given back.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { EmailProviderInput, ProviderViewSchema, SmsProviderInput } from "./provider-config";

const viewResponse = { description: "The channel's provider as it is now (secrets only as set / last four).", content: { "application/json": { schema: ProviderViewSchema } } };
const errorResponses = { 400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403] };

export const listProvidersRoute = guardedRoute("settings:manage", {
  method: "get",
  path: "/api/messaging/providers",
  tags: ["Messaging"],
  summary: "The provider of each channel (sms, email)",
  description: "A channel nobody configured uses `outbox`: messages are recorded on the timeline and delivered nowhere.",
  responses: {
    200: { description: "Both channels.", content: { "application/json": { schema: z.object({ sms: ProviderViewSchema, email: ProviderViewSchema }) } } },
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

// One route per channel, so each publishes exactly the body it takes.
export const putSmsProviderRoute = guardedRoute("settings:manage", {
  method: "put",
  path: "/api/messaging/providers/sms",
  tags: ["Messaging"],
  summary: "Choose the SMS provider: outbox, Kavenegar, IPPanel (Faraz SMS) or SMS.ir",
  description: "Audited with the provider kind only. Leaving the key (`apiKey` / `token`) out keeps the stored one. The answer carries `callbackUrl`, where the provider posts delivery reports and replies.",
  request: { body: { content: { "application/json": { schema: SmsProviderInput } }, required: true } },
  responses: { 200: viewResponse, ...errorResponses },
});

export const putEmailProviderRoute = guardedRoute("settings:manage", {
  method: "put",
  path: "/api/messaging/providers/email",
  tags: ["Messaging"],
  summary: "Choose the e-mail provider: outbox or an e-mail HTTP API (https only)",
  description: "The API gets `POST {from, to, subject, text}` as JSON with `Authorization: Bearer <token>`. Audited with the provider kind only. Leaving `token` out keeps the stored one.",
  request: { body: { content: { "application/json": { schema: EmailProviderInput } }, required: true } },
  responses: { 200: viewResponse, ...errorResponses },
});

/** What a sender needs to know (which channels deliver anywhere), without any provider detail. */
export const listChannelsRoute = guardedRoute("messages:send", {
  method: "get",
  path: "/api/messaging/channels",
  tags: ["Messaging"],
  summary: "Which channels deliver messages",
  description: "For staff who send messages: `delivers` is false where the channel uses `outbox` (recorded on the timeline, delivered nowhere). No provider detail or secret is shown.",
  responses: {
    200: {
      description: "Both channels.",
      content: {
        "application/json": {
          schema: z.object({ sms: z.object({ delivers: z.boolean() }), email: z.object({ delivers: z.boolean() }) }),
        },
      },
    },
    401: problemResponses[401],
    403: problemResponses[403],
  },
});
