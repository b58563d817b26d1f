// Every query on shop connections. Management takes the workspace scope first; the webhook
// receiver, which learns the workspace from the connection, reads it from the directory by id
// (like an API key). A change and its audit row are one batch; audit details never hold secrets.
import type { BatchItem } from "drizzle-orm/batch";
import { and, desc, eq, lt } from "drizzle-orm";
import { auditEntry, type AuditOrigin } from "../audit/audit";
import { openDirectory, type WorkspaceScope } from "../data/database";
import { shopConnections } from "../data/schema";
import { secretBox } from "../secrets/secret-box";

export type ConnectionRow = typeof shopConnections.$inferSelect;
type Changes = Partial<Pick<ConnectionRow, "name" | "enabled" | "secret" | "updatedAt" | "apiCredentials" | "createdWebhooks">>;
/** Statements that commit with the connection's change (e.g. its history import). */
type Together = Array<BatchItem<"sqlite">>;

const ofScope = (scope: WorkspaceScope, id: string) => and(eq(shopConnections.workspaceId, scope.workspaceId), eq(shopConnections.id, id));

export function findConnection(scope: WorkspaceScope, id: string): Promise<ConnectionRow | undefined> {
  return scope.db.select().from(shopConnections).where(ofScope(scope, id)).get();
}

/** The connection a webhook URL names, whichever workspace holds it (primary-key lookup). */
export function connectionForWebhook(env: Env, id: string): Promise<ConnectionRow | undefined> {
  return openDirectory(env).select().from(shopConnections).where(eq(shopConnections.id, id)).get();
}

export function listConnections(scope: WorkspaceScope, before: string | null, limit: number): Promise<ConnectionRow[]> {
  return scope.db
    .select()
    .from(shopConnections)
    .where(and(eq(shopConnections.workspaceId, scope.workspaceId), before ? lt(shopConnections.id, before) : undefined))
    .orderBy(desc(shopConnections.id))
    .limit(limit + 1)
    .all();
}

export async function createConnection(
  scope: WorkspaceScope,
  row: Omit<ConnectionRow, "workspaceId">,
  origin: AuditOrigin,
  details: Record<string, unknown> = {},
  together: Together = [],
): Promise<void> {
  await scope.db.batch([
    scope.db.insert(shopConnections).values({ ...row, workspaceId: scope.workspaceId }),
    auditEntry(scope, origin, { action: "connection.created", entityType: "connection", entityId: row.id, details: { platform: row.platform, name: row.name, ...details } }),
    ...together,
  ]);
}

export async function updateConnection(
  scope: WorkspaceScope,
  id: string,
  changes: Changes,
  origin: AuditOrigin,
  audit: { action: string; details: Record<string, unknown> },
  together: Together = [],
): Promise<ConnectionRow | undefined> {
  const [updated] = await scope.db.batch([
    scope.db.update(shopConnections).set(changes).where(ofScope(scope, id)).returning(),
    auditEntry(scope, origin, { action: audit.action, entityType: "connection", entityId: id, details: audit.details }),
    ...together,
  ]);
  return updated[0];
}

/**
 * The connection's signing secret in plain text, for verifying a delivery. A value stored in plain
 * text or under the previous key is sealed again under the current one (once: the update only
 * applies while the stored value is still the one read).
 */
export async function connectionSecret(env: Env, row: ConnectionRow): Promise<string> {
  const box = await secretBox(env);
  const secret = await box.open(row.secret);
  if (!box.isCurrent(row.secret)) {
    await openDirectory(env)
      .update(shopConnections)
      .set({ secret: await box.seal(secret) })
      .where(and(eq(shopConnections.workspaceId, row.workspaceId), eq(shopConnections.id, row.id), eq(shopConnections.secret, row.secret)));
  }
  return secret;
}

export async function touchConnection(scope: WorkspaceScope, id: string, at: number): Promise<void> {
  await scope.db.update(shopConnections).set({ lastDeliveryAt: at }).where(ofScope(scope, id));
}
