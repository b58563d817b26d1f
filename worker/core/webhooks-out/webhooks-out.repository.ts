// Every query on webhook subscriptions; each function takes the workspace scope first. A change
// and its audit row are one batch. Audit details never carry the signing secret.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { auditEntry, type AuditOrigin } from "../audit/audit";
import type { WorkspaceScope } from "../data/database";
import { webhookAttempts, webhookSubscriptions } from "../data/schema";
import { secretBox } from "../secrets/secret-box";

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type NewSubscription = Omit<SubscriptionRow, "workspaceId">;
type Changes = Partial<Pick<SubscriptionRow, "url" | "events" | "description" | "enabled" | "disabledReason" | "failureCount" | "secret" | "updatedAt">>;

const ofScope = (scope: WorkspaceScope, id: string) => and(eq(webhookSubscriptions.workspaceId, scope.workspaceId), eq(webhookSubscriptions.id, id));

export function findSubscription(scope: WorkspaceScope, id: string): Promise<SubscriptionRow | undefined> {
  return scope.db.select().from(webhookSubscriptions).where(ofScope(scope, id)).get();
}

/**
 * The subscription's signing secret in plain text, for signing a delivery. A value stored in
 * plain text or under the previous key is sealed again under the current one (once: the update
 * only applies while the stored value is still the one read).
 */
export async function subscriptionSecret(env: Env, scope: WorkspaceScope, row: SubscriptionRow): Promise<string> {
  const box = await secretBox(env);
  const secret = await box.open(row.secret);
  if (!box.isCurrent(row.secret)) {
    await scope.db
      .update(webhookSubscriptions)
      .set({ secret: await box.seal(secret) })
      .where(and(ofScope(scope, row.id), eq(webhookSubscriptions.secret, row.secret)));
  }
  return secret;
}

/** One page, newest first, plus one row to tell whether another page exists. */
export function listSubscriptions(scope: WorkspaceScope, before: string | null, limit: number): Promise<SubscriptionRow[]> {
  return scope.db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.workspaceId, scope.workspaceId), before ? lt(webhookSubscriptions.id, before) : undefined))
    .orderBy(desc(webhookSubscriptions.id))
    .limit(limit + 1)
    .all();
}

/** Enabled subscriptions that want this event, by name or by "*" (a query: await it, or explain it). */
export function subscriptionsFor(scope: WorkspaceScope, eventName: string) {
  const wanted = sql`exists (select 1 from json_each(${webhookSubscriptions.events}) where value in (${eventName}, '*'))`;
  return scope.db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.workspaceId, scope.workspaceId), eq(webhookSubscriptions.enabled, true), wanted));
}

export async function createSubscription(scope: WorkspaceScope, row: NewSubscription, origin: AuditOrigin): Promise<void> {
  await scope.db.batch([
    scope.db.insert(webhookSubscriptions).values({ ...row, workspaceId: scope.workspaceId }),
    auditEntry(scope, origin, {
      action: "webhook.created",
      entityType: "webhook",
      entityId: row.id,
      details: { url: row.url, events: row.events, description: row.description },
    }),
  ]);
}

/** Applies the changes and audits them; undefined when the subscription is not in this workspace. */
export async function updateSubscription(
  scope: WorkspaceScope,
  id: string,
  changes: Changes,
  origin: AuditOrigin,
  audit: { action: string; details: Record<string, unknown> },
): Promise<SubscriptionRow | undefined> {
  const [updated] = await scope.db.batch([
    scope.db.update(webhookSubscriptions).set(changes).where(ofScope(scope, id)).returning(),
    auditEntry(scope, origin, { action: audit.action, entityType: "webhook", entityId: id, details: audit.details }),
  ]);
  return updated[0];
}

/** The subscription, its attempts and the audit row of its removal, together. */
export async function deleteSubscription(scope: WorkspaceScope, row: SubscriptionRow, origin: AuditOrigin): Promise<void> {
  await scope.db.batch([
    scope.db.delete(webhookAttempts).where(and(eq(webhookAttempts.workspaceId, scope.workspaceId), eq(webhookAttempts.subscriptionId, row.id))),
    scope.db.delete(webhookSubscriptions).where(ofScope(scope, row.id)),
    auditEntry(scope, origin, { action: "webhook.deleted", entityType: "webhook", entityId: row.id, details: { url: row.url, events: row.events } }),
  ]);
}
