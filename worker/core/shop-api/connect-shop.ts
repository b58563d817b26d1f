// Connecting a shop through its API: check the credentials, then create one webhook per topic the
// CRM reads. Either every webhook is created or none stays behind (those made are deleted again),
// so a failed connect leaves neither a half-subscribed shop nor a row here.
import { invalidField, Problem } from "../http/problem";
import type { ShopApi } from "./shop-api";
import { ShopApiError } from "./shop-request";

/** The field a refusal of the credentials is reported on. */
const KEY_FIELD = { woocommerce: "body.consumerKey", shopify: "body.accessToken" } as const;

/** A shop API failure during connect as the problem the owner sees (never with a URL or a key). */
export function connectProblem(platform: keyof typeof KEY_FIELD, error: unknown, stage: "verify" | "webhooks"): Problem {
  if (!(error instanceof ShopApiError)) throw error;
  switch (error.failure) {
    case "unauthorized":
      return invalidField(KEY_FIELD[platform], stage === "verify" ? "shop_keys_rejected" : "shop_keys_read_only");
    case "unreachable":
      return invalidField("body.shopUrl", "shop_unreachable");
    case "busy":
      return new Problem(503, "shop_busy", { headers: { "retry-after": String(error.retryAfterSeconds ?? 30) } });
    case "failed":
      return invalidField("body.shopUrl", "shop_api_failed", { status: error.status ?? 0 });
  }
}

/** Creates a webhook per topic; on any failure deletes those created and rethrows. */
export async function createShopWebhooks(api: ShopApi, topics: readonly string[], deliveryUrl: string, secret: string): Promise<string[]> {
  const created: string[] = [];
  try {
    for (const topic of topics) created.push(await api.createWebhook(topic, deliveryUrl, secret));
    return created;
  } catch (error) {
    await Promise.allSettled(created.map((id) => api.deleteWebhook(id)));
    throw error;
  }
}

/** Deletes the webhooks; returns those the shop would not delete now. */
export async function deleteShopWebhooks(api: ShopApi, ids: readonly string[]): Promise<string[]> {
  const results = await Promise.allSettled(ids.map((id) => api.deleteWebhook(id)));
  return ids.filter((_, i) => results[i]!.status === "rejected");
}
