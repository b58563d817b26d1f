// The one input schema for a URL the Worker will call: a webhook subscription, an e-mail API.
import { z } from "@hono/zod-openapi";
import { urlRefusal } from "./public-url";

export const OutboundUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((value, ctx) => {
    const refusal = urlRefusal(value);
    if (refusal) ctx.addIssue({ code: "custom", message: refusal });
  })
  // Stored as the URL standard writes it, so the address checked is the address called.
  .transform((value) => (URL.canParse(value) ? new URL(value).href : value))
  .openapi({
    type: "string",
    description: "A public `https:` URL on port 443 or 8443: no credentials, no localhost, private, link-local or reserved address.",
  });
