// Every query on API keys, always filtered by the caller's workspace.
import { and, desc, eq, lt } from "drizzle-orm";
import { toIso } from "../data/clock";
import type { Database } from "../data/database";
import { apiKeys } from "../data/schema";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** One page of keys, newest first, by the (workspace_id, id) index. */
export function listApiKeys(directory: Database, workspaceId: string, after: string | null, limit: number) {
  return directory
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), after ? lt(apiKeys.id, after) : undefined))
    .orderBy(desc(apiKeys.id))
    .limit(limit + 1)
    .all();
}

/** A key of this workspace, or undefined: another workspace's key id finds nothing. */
export function findApiKey(directory: Database, workspaceId: string, id: string) {
  return directory
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)))
    .get();
}

/** A key as lists show it: recognisable by its prefix, never usable from the listing. */
export function presentApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdBy: row.createdBy,
    createdAt: toIso(row.createdAt)!,
    lastUsedAt: toIso(row.lastUsedAt),
    expiresAt: toIso(row.expiresAt),
    revokedAt: toIso(row.revokedAt),
  };
}
