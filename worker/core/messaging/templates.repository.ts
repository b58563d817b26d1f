// Every query on message templates. Every function takes the workspace scope first.
import { and, asc, eq } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { messageTemplates } from "../data/schema";

export type TemplateRow = typeof messageTemplates.$inferSelect;

export async function listTemplates(scope: WorkspaceScope): Promise<TemplateRow[]> {
  return scope.db.select().from(messageTemplates).where(eq(messageTemplates.workspaceId, scope.workspaceId)).orderBy(asc(messageTemplates.name)).limit(500);
}

export async function findTemplateByName(scope: WorkspaceScope, name: string): Promise<TemplateRow | null> {
  const row = await scope.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.workspaceId, scope.workspaceId), eq(messageTemplates.name, name)))
    .get();
  return row ?? null;
}

export async function findTemplate(scope: WorkspaceScope, id: string): Promise<TemplateRow | null> {
  const row = await scope.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.workspaceId, scope.workspaceId), eq(messageTemplates.id, id)))
    .get();
  return row ?? null;
}

export function insertTemplate(scope: WorkspaceScope, row: Omit<TemplateRow, "workspaceId">) {
  return scope.db.insert(messageTemplates).values({ ...row, workspaceId: scope.workspaceId });
}

export function updateTemplate(scope: WorkspaceScope, id: string, changes: Partial<Omit<TemplateRow, "id" | "workspaceId" | "createdAt">>) {
  return scope.db
    .update(messageTemplates)
    .set(changes)
    .where(and(eq(messageTemplates.workspaceId, scope.workspaceId), eq(messageTemplates.id, id)));
}

export function deleteTemplate(scope: WorkspaceScope, id: string) {
  return scope.db.delete(messageTemplates).where(and(eq(messageTemplates.workspaceId, scope.workspaceId), eq(messageTemplates.id, id)));
}
