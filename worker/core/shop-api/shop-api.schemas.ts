// Connecting a shop in one step, as the API takes it and shows the history import.
import { z } from "@hono/zod-openapi";
import { SHOP_IMPORT_PHASES, SHOP_IMPORT_STATUSES } from "./shop-imports.schema";

const name = z.string().trim().min(1).max(120);
/** The shop's address; checked against the public-URL rules in the handler (it needs the Worker's env). */
const shopUrl = z
  .string()
  .trim()
  .min(1)
  .max(300)
  // A bare domain ("myshop.ir", "x.myshopify.com") means its https site.
  .transform((value) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`))
  .openapi({ type: "string", example: "https://shop.example.ir", description: "The shop's address: a public https site (a bare domain means https://)." });
const importHistory = z.boolean().default(true).openapi({ description: "Import the shop's existing customers and orders (default true)." });

const WooConnect = z
  .object({
    platform: z.literal("woocommerce"),
    name: name.optional(),
    shopUrl,
    consumerKey: z.string().trim().regex(/^ck_[A-Za-z0-9]{8,100}$/, "shop_consumer_key_format").openapi({ example: "ck_0123456789abcdef0123456789abcdef01234567" }),
    consumerSecret: z.string().trim().regex(/^cs_[A-Za-z0-9]{8,100}$/, "shop_consumer_secret_format").openapi({ example: "cs_0123456789abcdef0123456789abcdef01234567" }),
    importHistory,
  })
  .strict();

const ShopifyConnect = z
  .object({
    platform: z.literal("shopify"),
    name: name.optional(),
    shopUrl,
    accessToken: z.string().trim().min(20).max(200).openapi({ description: "The custom app's Admin API access token (shpat_…).", example: "shpat_0123456789abcdef0123456789abcdef" }),
    apiSecret: z.string().trim().min(8).max(200).openapi({ description: "The custom app's API secret key: Shopify signs the webhooks it delivers with it." }),
    importHistory,
  })
  .strict();

export const ShopConnectInput = z.discriminatedUnion("platform", [WooConnect, ShopifyConnect]).openapi("ShopConnect", {
  description:
    "WooCommerce: a REST API key pair with Read/Write permissions (WooCommerce → Settings → Advanced → REST API → Add key). Shopify: a custom app's Admin API access token and API secret key (Settings → Apps and sales channels → Develop apps), with the scopes read_customers, read_orders.",
});
export type ShopConnect = z.infer<typeof ShopConnectInput>;

export const ShopImportSchema = z
  .object({
    id: z.string(),
    status: z.enum(SHOP_IMPORT_STATUSES),
    phase: z.enum(SHOP_IMPORT_PHASES).openapi({ description: "Customers are read first, then orders." }),
    pagesDone: z.number().int().openapi({ description: "Pages of the current phase done." }),
    totalPages: z.number().int().nullable().openapi({ description: "Pages the shop says the current phase has (WooCommerce); null when the shop does not say (Shopify follows links)." }),
    customersSeen: z.number().int(),
    ordersSeen: z.number().int(),
    rejected: z.number().int().openapi({ description: "Records the CRM could not take; `lastRejection` says why." }),
    lastRejection: z.string().nullable(),
    error: z.string().nullable(),
    startedAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("ShopImport");

export const DisconnectResultSchema = z
  .object({
    webhooksRemoved: z.number().int(),
    webhooksLeft: z.number().int().openapi({ description: "Webhooks the shop would not delete now (remove them in the shop; they are refused here anyway)." }),
  })
  .openapi("ShopDisconnectResult");
