// Reading the audit log. Every filter rides an index that starts with workspace_id and ends with
// id, and a time range becomes an id range (ids begin with their creation time), so a page reads
// only the rows it returns.
import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import type { Database, WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { newId } from "../data/ids";
import { auditLog, users } from "../data/schema";

export interface AuditFilter {
  actorUserId?: string;
  action?: string;
  customerId?: string;
  from?: number;
  to?: number;
  /** The id of the last entry of the previous page. */
  before?: string | null;
  limit: number;
}

/** The smallest audit id that can have been made at `ms`: the id's time part, nothing after. */
const firstIdAt = (ms: number) => newId("aud", ms).slice(0, "aud_".length + 10);

export function auditPageQuery(scope: WorkspaceScope, filter: AuditFilter) {
  const conditions: Array<SQL | undefined> = [
    eq(auditLog.workspaceId, scope.workspaceId),
    filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.customerId ? eq(auditLog.customerId, filter.customerId) : undefined,
    filter.before ? lt(auditLog.id, filter.before) : undefined,
  ];
  if (filter.from !== undefined) conditions.push(gte(auditLog.id, firstIdAt(filter.from)), gte(auditLog.createdAt, filter.from));
  if (filter.to !== undefined) conditions.push(lt(auditLog.id, firstIdAt(filter.to + 1)), lte(auditLog.createdAt, filter.to));
  return scope.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
}

/** Names of the users who appear on a page, read from the directory (no cross-database join). */
export async function actorNames(directory: Database, workspaceId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { name: string; email: string }>();
  const rows = await directory
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inList(users.id, userIds)))
    .all();
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}
