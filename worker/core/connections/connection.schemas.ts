// A shop connection as the API takes it and shows it.
import { z } from "@hono/zod-openapi";
import { pageQuery } from "../data/cursor";
import { CONNECTION_PLATFORMS } from "./connections.schema";

const name = z.string().trim().min(1).max(120);
/** A shop's webhook secret as typed into WooCommerce or copied from Shopify. */
const ShopSecret = z.string().trim().min(8).max(500);

export const ConnectionCreateInput = z
  .object({
    platform: z.enum(CONNECTION_PLATFORMS),
    name,
    secret: ShopSecret.optional().openapi({
      description:
        "shopify: required (the key Shopify signs with: Settings → Notifications → Webhooks, or the custom app's API secret key). woocommerce: leave it out and one is generated, shown once, to paste in the webhook's Secret (or give the secret already typed there). generic: not accepted, one is generated.",
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.platform === "shopify" && body.secret === undefined) ctx.addIssue({ code: "custom", path: ["secret"], message: "shop_secret_required" });
    if (body.platform === "generic" && body.secret !== undefined) ctx.addIssue({ code: "custom", path: ["secret"], message: "shop_secret_generated" });
  })
  .openapi("ConnectionCreate");

export const ConnectionUpdateInput = z
  .object({
    name: name.optional(),
    enabled: z.boolean().optional().openapi({ description: "false: deliveries are answered 404 and nothing is stored." }),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "nothing_to_change", when: (payload) => payload.issues.length === 0 })
  .openapi("ConnectionUpdate");
export type ConnectionUpdate = z.infer<typeof ConnectionUpdateInput>;

export const RotateSecretInput = z
  .object({ secret: ShopSecret.optional().openapi({ description: "shopify: the shop's new signing key. woocommerce: leave it out for a generated one (or give the one typed in the shop). generic: leave it out, one is generated." }) })
  .strict()
  .openapi("ConnectionRotateSecret");

export const ConnectionIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }) });
export const ConnectionListQuery = z.object(pageQuery);

export const ConnectionSchema = z
  .object({
    id: z.string(),
    platform: z.enum(CONNECTION_PLATFORMS),
    name: z.string(),
    enabled: z.boolean(),
    webhookUrl: z.string().openapi({ example: "https://crm.example.com/webhooks/woocommerce/con_01j…", description: "Where the shop posts (POST)." }),
    topics: z.array(z.string()).openapi({ description: "The topics to subscribe the shop to." }),
    lastDeliveryAt: z.string().nullable(),
    shopUrl: z.string().nullable().openapi({ description: "The shop's address, for a shop connected in one step through its API." }),
    connectedByApi: z.boolean().openapi({ description: "Connected in one step: the CRM holds the shop's API credentials (never shown) and created its webhooks." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Connection");

export const ConnectionWithSecretSchema = ConnectionSchema.extend({
  secret: z.string().openapi({ description: "The generated signing secret (generic: `whsec_…`; woocommerce when none was given), shown only in this response." }).optional(),
}).openapi("ConnectionWithSecret");
