// How many rows of an import one Worker invocation runs. An invocation may make only so many D1
// queries: 50 on the Workers Free plan, 1,000 on Workers Paid (Cloudflare's D1 limits, "queries
// per Worker invocation"); one more and D1 refuses the query, so the chunk fails. The variable
// D1_QUERIES_PER_INVOCATION says what the deployment's plan allows; unset, it is 50, so a free
// deployment never fails. A chunk gets what its own bookkeeping leaves, at what the costliest
// row takes, both with room to spare (measured: about 6 per new customer, 5 per order, 7 around
// a chunk); import-budget.test.ts checks that every invocation of an import stays within 50.

/** The Workers Free plan's limit, assumed unless the deployment says otherwise. */
export const DEFAULT_QUERIES_PER_INVOCATION = 50;
/** D1 queries one row takes at most (a new customer or an order, with plugins' before hooks). */
export const QUERIES_PER_ROW = 8;
/** D1 queries of a chunk around its rows: the upload or the job and chunk, settings, progress, events. */
export const QUERIES_PER_CHUNK = 14;
/** However much the plan allows, a chunk stays a few seconds of work. */
export const MAX_CHUNK_ROWS = 200;
/** Jobs stored before chunks were sized by the plan were split into chunks of this many rows. */
export const LEGACY_CHUNK_ROWS = 200;

export function queriesPerInvocation(env: Env): number {
  const value = Number((env as unknown as Record<string, unknown>).D1_QUERIES_PER_INVOCATION);
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_QUERIES_PER_INVOCATION;
}

export function chunkRows(env: Env): number {
  const rows = Math.floor((queriesPerInvocation(env) - QUERIES_PER_CHUNK) / QUERIES_PER_ROW);
  return Math.min(MAX_CHUNK_ROWS, Math.max(1, rows));
}
