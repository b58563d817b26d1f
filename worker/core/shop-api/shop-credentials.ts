// A shop's API credentials: sealed in the secret box as one JSON value, opened only to call the
// shop. Write-only: no response, export, audit row or log line ever holds them.
import type { ConnectionPlatform } from "../connections/connections.schema";
import { localOriginsAllowed } from "../outbound/local-origins";
import { secretBox } from "../secrets/secret-box";
import type { ShopApi } from "./shop-api";
import { DEFAULT_RETRY, type RetryPolicy } from "./shop-request";
import { shopifyApi, type ShopifyCredentials } from "./shopify-api";
import { wooCommerceApi, type WooCredentials } from "./woocommerce-api";

export type ShopCredentials = WooCredentials | ShopifyCredentials;
export type ApiPlatform = Exclude<ConnectionPlatform, "generic">;

export async function sealCredentials(env: Env, credentials: ShopCredentials): Promise<string> {
  return (await secretBox(env)).seal(JSON.stringify(credentials));
}

export async function openCredentials(env: Env, sealed: string): Promise<ShopCredentials> {
  return JSON.parse(await (await secretBox(env)).open(sealed)) as ShopCredentials;
}

/** The retry policy for this Worker: the defaults, with the development allowance if it has one. */
export function retryPolicy(env: Env, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY, localOrigins: localOriginsAllowed(env), ...overrides };
}

export function shopApiFor(platform: ApiPlatform, shopUrl: string, credentials: ShopCredentials, policy: RetryPolicy): ShopApi {
  return platform === "woocommerce" ? wooCommerceApi(shopUrl, credentials as WooCredentials, policy) : shopifyApi(shopUrl, credentials as ShopifyCredentials, policy);
}
