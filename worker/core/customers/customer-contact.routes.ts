// The contact contract: the number or address behind one contact action (call, SMS, WhatsApp,
// Telegram, e-mail), given unmasked for that action alone and audited each time.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, jsonBody } from "../http/route";
import { CustomerIdParam } from "./customers.routes";

export const CONTACT_CHANNELS = ["call", "sms", "whatsapp", "telegram", "email"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const ContactInput = z.object({ channel: z.enum(CONTACT_CHANNELS) }).strict().openapi("ContactRequest");

export const ContactSchema = z
  .object({
    channel: z.enum(CONTACT_CHANNELS),
    value: z.string().openapi({ description: "The mobile as Iranians write it (09121234567), or the e-mail address.", example: "09121234567" }),
    href: z.string().openapi({ description: "The link that starts the action: tel:, sms:, https://wa.me/…, https://t.me/…, mailto:.", example: "tel:+989121234567" }),
  })
  .openapi("Contact");

export const contactRoute = guardedRoute("customers.pii:read", {
  method: "post",
  path: "/api/customers/{id}/contact",
  tags: ["Customers"],
  summary: "Reveal the customer's mobile or e-mail for one contact action",
  description:
    "For a call, SMS, WhatsApp or Telegram the customer's mobile, for e-mail their address, unmasked in this answer only; every use is written to the audit log " +
    "(`customer.pii_revealed` with the channel). 404 when the customer has no mobile (or e-mail) to use.",
  request: { params: CustomerIdParam, body: jsonBody(ContactInput) },
  responses: {
    200: { description: "What to contact the customer at.", content: { "application/json": { schema: ContactSchema } } },
    ...problemResponses,
  },
});
