// A connection as the API shows it: never its secret nor its API credentials (creation and
// rotation add a generated secret, once).
import type { Context } from "hono";
import { toIso } from "../data/clock";
import type { ConnectionRow } from "./connections.repository";
import { PLATFORM_TOPICS, webhookUrl } from "./platforms";

export function presentConnection(c: Context, row: ConnectionRow) {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    enabled: row.enabled,
    webhookUrl: webhookUrl(c, row.platform, row.id),
    topics: [...PLATFORM_TOPICS[row.platform]],
    lastDeliveryAt: toIso(row.lastDeliveryAt),
    shopUrl: row.shopUrl,
    connectedByApi: row.apiCredentials !== null,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}
