// How many shop records one step of a history import takes: one page of the shop's list, sized
// so that the step stays within the D1 queries one invocation may make (chunk-rows.ts explains
// the limit). Measured in shop-import.test.ts: an order (its customer found or created, then
// recorded) takes about 11 queries with every plugin enabled, a step around its records about 8.
import { queriesPerInvocation } from "../import/chunk-rows";

export const QUERIES_PER_SHOP_RECORD = 12;
export const QUERIES_PER_SHOP_STEP = 8;
/** WooCommerce serves at most 100 a page; more would not be a few seconds of work anyway. */
export const MAX_SHOP_PAGE = 100;

export function shopPageSize(env: Env): number {
  const records = Math.floor((queriesPerInvocation(env) - QUERIES_PER_SHOP_STEP) / QUERIES_PER_SHOP_RECORD);
  return Math.min(MAX_SHOP_PAGE, Math.max(1, records));
}
