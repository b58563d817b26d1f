// Every query on shop history imports. A step's write is guarded by the step it ran, so a
// redelivered message or a resent one can never apply a page twice.
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Database, WorkspaceScope } from "../data/database";
import { shopImports } from "../data/schema";

export type ShopImportRow = typeof shopImports.$inferSelect;

export function findShopImport(scope: WorkspaceScope, id: string): Promise<ShopImportRow | undefined> {
  return scope.db.select().from(shopImports).where(and(eq(shopImports.workspaceId, scope.workspaceId), eq(shopImports.id, id))).get();
}

export function latestShopImport(scope: WorkspaceScope, connectionId: string): Promise<ShopImportRow | undefined> {
  return scope.db
    .select()
    .from(shopImports)
    .where(and(eq(shopImports.workspaceId, scope.workspaceId), eq(shopImports.connectionId, connectionId)))
    .orderBy(desc(shopImports.id))
    .limit(1)
    .get();
}

export function insertShopImport(scope: WorkspaceScope, row: Omit<ShopImportRow, "workspaceId">) {
  return scope.db.insert(shopImports).values({ ...row, workspaceId: scope.workspaceId });
}

/** Writes what a step did, only if the import is still at that step and running; true if it did. */
export async function advanceShopImport(scope: WorkspaceScope, id: string, step: number, changes: Partial<ShopImportRow>): Promise<boolean> {
  const updated = await scope.db
    .update(shopImports)
    .set({ ...changes, step: step + 1 })
    .where(and(eq(shopImports.workspaceId, scope.workspaceId), eq(shopImports.id, id), eq(shopImports.step, step), eq(shopImports.status, "running")))
    .returning({ id: shopImports.id });
  return updated.length === 1;
}

export function endShopImport(scope: WorkspaceScope, id: string, status: "failed" | "cancelled", error: string | null, at: number) {
  return scope.db
    .update(shopImports)
    .set({ status, error, updatedAt: at, finishedAt: at })
    .where(and(eq(shopImports.workspaceId, scope.workspaceId), eq(shopImports.id, id), eq(shopImports.status, "running")));
}

export function cancelConnectionImports(scope: WorkspaceScope, connectionId: string, at: number) {
  return scope.db
    .update(shopImports)
    .set({ status: "cancelled", updatedAt: at, finishedAt: at })
    .where(and(eq(shopImports.workspaceId, scope.workspaceId), eq(shopImports.connectionId, connectionId), eq(shopImports.status, "running")));
}

/** Running imports with no step done since `before` (a lost message), at most `limit`, any workspace. */
export function stalledShopImports(db: Database, before: number, limit: number) {
  return db
    .select({ id: shopImports.id, workspaceId: shopImports.workspaceId, step: shopImports.step })
    .from(shopImports)
    .where(and(inArray(shopImports.status, ["running"]), lt(shopImports.updatedAt, before)))
    .limit(limit)
    .all();
}

export function touchShopImport(db: Database, workspaceId: string, id: string, at: number) {
  return db.update(shopImports).set({ updatedAt: at }).where(and(eq(shopImports.workspaceId, workspaceId), eq(shopImports.id, id)));
}
