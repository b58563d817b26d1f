// Every query of segments: the saved definitions, and the customers a filter selects (counted,
// or paged newest first by keyset on id, through the workspace's id index or a filter's own).
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { customers, segments } from "../data/schema";

export type SegmentRow = typeof segments.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;

export async function findSegment(scope: WorkspaceScope, id: string): Promise<SegmentRow | null> {
  const row = await scope.db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, scope.workspaceId), eq(segments.id, id)))
    .get();
  return row ?? null;
}

export function listSegments(scope: WorkspaceScope, afterId: string | null, limit: number): Promise<SegmentRow[]> {
  return scope.db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, scope.workspaceId), afterId ? lt(segments.id, afterId) : undefined))
    .orderBy(desc(segments.id))
    .limit(limit + 1);
}

export async function countMatching(scope: WorkspaceScope, condition: SQL): Promise<number> {
  const row = await scope.db.select({ total: sql<number>`count(*)` }).from(customers).where(condition).get();
  return Number(row?.total ?? 0);
}

/** The page query, unexecuted, so tests can EXPLAIN it. `limit + 1` rows say whether more follow. */
export function matchingPageQuery(scope: WorkspaceScope, condition: SQL, afterId: string | null, limit: number) {
  return scope.db
    .select()
    .from(customers)
    .where(and(condition, afterId ? lt(customers.id, afterId) : undefined))
    .orderBy(desc(customers.id))
    .limit(limit + 1);
}
