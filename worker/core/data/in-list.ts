// `column IN (list)` with the whole list bound as one JSON parameter: D1 binds at most 100
// parameters per statement, and a page of 200 ids must not become a 500.
import { and, sql, type Column, type SQL } from "drizzle-orm";

export const jsonList = (values: readonly unknown[]): SQL => sql`(select value from json_each(${JSON.stringify(values)}))`;

export const inList = (column: Column | SQL, values: readonly unknown[]): SQL => sql`${column} in ${jsonList(values)}`;

/**
 * A workspace's rows by id: `id IN (list)` probes the primary key, one row per id, and each row
 * found is checked to be the workspace's. The unary + keeps SQLite (which has no statistics here)
 * from preferring an index that starts with workspace_id, which would read every row the
 * workspace has in the table to find a page of them.
 */
export const idsOfWorkspace = (workspaceColumn: Column, workspaceId: string, idColumn: Column, ids: readonly string[]): SQL =>
  and(sql`+${workspaceColumn} = ${workspaceId}`, inList(idColumn, ids))!;
