// Every query on attribute definitions. Every function takes the workspace scope first.
import { and, asc, eq } from "drizzle-orm";
import { toIso } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { attributeDefinitions } from "../data/schema";
import type { AttributeDefinitionView } from "./attribute.schemas";

export type AttributeDefinitionRow = typeof attributeDefinitions.$inferSelect;

/** A workspace's definitions in the order the customer page shows them (a handful of rows, by primary key). */
export function listAttributeDefinitions(scope: WorkspaceScope): Promise<AttributeDefinitionRow[]> {
  return scope.db
    .select()
    .from(attributeDefinitions)
    .where(eq(attributeDefinitions.workspaceId, scope.workspaceId))
    .orderBy(asc(attributeDefinitions.position), asc(attributeDefinitions.key));
}

export function findAttributeDefinition(scope: WorkspaceScope, key: string): Promise<AttributeDefinitionRow | undefined> {
  return scope.db
    .select()
    .from(attributeDefinitions)
    .where(and(eq(attributeDefinitions.workspaceId, scope.workspaceId), eq(attributeDefinitions.key, key)))
    .get();
}

export const definitionWhere = (scope: WorkspaceScope, key: string) =>
  and(eq(attributeDefinitions.workspaceId, scope.workspaceId), eq(attributeDefinitions.key, key));

export function presentAttributeDefinition(row: AttributeDefinitionRow): AttributeDefinitionView {
  return { key: row.key, labelFa: row.labelFa, labelEn: row.labelEn, type: row.type, choices: row.choices, position: row.position, updatedAt: toIso(row.updatedAt)! };
}
