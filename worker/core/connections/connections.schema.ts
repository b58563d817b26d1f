// Shop connections: one per shop (or per webhook source) that posts to
// POST /webhooks/{platform}/{connectionId}, with the secret its deliveries are signed with.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt, workspaceId } from "../data/columns";

export const CONNECTION_PLATFORMS = ["woocommerce", "shopify", "generic"] as const;
export type ConnectionPlatform = (typeof CONNECTION_PLATFORMS)[number];

export const shopConnections = sqliteTable(
  "shop_connections",
  {
    id: id(),
    workspaceId: workspaceId(),
    platform: text("platform", { enum: CONNECTION_PLATFORMS }).notNull(),
    name: text("name").notNull(),
    // HMAC needs the secret itself, so it is kept, sealed (secrets/secret-box.ts); never shown
    // after creation or rotation.
    secret: text("secret").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    lastDeliveryAt: integer("last_delivery_at"),
    // Set when the shop was connected in one step through its REST API (shop-api/): the shop's
    // address, its API credentials (sealed, write-only: never shown, exported or logged) and the
    // ids of the webhooks the CRM created there, so disconnecting removes exactly those.
    shopUrl: text("shop_url"),
    apiCredentials: text("api_credentials"),
    createdWebhooks: text("created_webhooks", { mode: "json" }).$type<string[]>(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("shop_connections_workspace_idx").on(t.workspaceId, t.id)],
);
