// What the CRM asks of a shop's REST API, whichever the platform: check the credentials, create and
// delete its webhooks, and read its customers and orders a page at a time.
import type { ShopImportPhase } from "./shop-imports.schema";

export interface ShopPage {
  /** The records as the shop's REST API gives them (the same shape its webhooks deliver). */
  records: unknown[];
  /** Where the next page is (a page number or a URL); null after the last page. */
  next: string | null;
  /** How many pages and records the shop says there are, when it says (WooCommerce does). */
  totalPages: number | null;
  total: number | null;
}

export interface ShopApi {
  /** Throws ShopApiError "unauthorized" for credentials the shop refuses. */
  verify(): Promise<void>;
  /** Creates a webhook for `topic` posting to `deliveryUrl`, and returns the shop's id for it. */
  createWebhook(topic: string, deliveryUrl: string, secret: string): Promise<string>;
  /** Deletes a webhook the CRM created; one already gone counts as deleted. */
  deleteWebhook(id: string): Promise<void>;
  /** One page of the phase's records; `cursor` null for the first page. */
  page(phase: ShopImportPhase, cursor: string | null, size: number): Promise<ShopPage>;
  /** The webhook topic a record of the phase is mapped as (an update of that record). */
  readonly recordTopic: Record<ShopImportPhase, string>;
}

/** The secret a WooCommerce webhook is created with: 32 random bytes, hex. */
export function newShopSecret(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
