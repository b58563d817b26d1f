// Delivery attempts: each one is recorded together with what it tells about its subscription
// (last status, failures since the last success, disabled after a 410).
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { auditEntry } from "../audit/audit";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { webhookAttempts, webhookSubscriptions } from "../data/schema";
import type { StoredEvent } from "../events/stored-event";

export type AttemptRow = typeof webhookAttempts.$inferSelect;

export interface AttemptResult {
  /** Null when no response came (timeout, network error, refused address). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  outcome: "delivered" | "gone" | "retry";
}

export const GONE_REASON = "gone (410)";

/** One page of a subscription's attempts, newest first, plus one row (a query: await it, or explain it). */
export function listAttempts(scope: WorkspaceScope, subscriptionId: string, before: string | null, limit: number) {
  return scope.db
    .select()
    .from(webhookAttempts)
    .where(
      and(
        eq(webhookAttempts.workspaceId, scope.workspaceId),
        eq(webhookAttempts.subscriptionId, subscriptionId),
        before ? lt(webhookAttempts.id, before) : undefined,
      ),
    )
    .orderBy(desc(webhookAttempts.id))
    .limit(limit + 1);
}

export async function recordAttempt(scope: WorkspaceScope, subscriptionId: string, event: StoredEvent, result: AttemptResult, at: number): Promise<void> {
  const mine = and(eq(webhookAttempts.workspaceId, scope.workspaceId), eq(webhookAttempts.subscriptionId, subscriptionId), eq(webhookAttempts.eventId, event.id));
  // Counted in the insert itself, so two racing attempts cannot read the same number first.
  const attemptNumber = sql<number>`(select count(*) + 1 from ${webhookAttempts} where ${mine})`;
  const subscription = and(eq(webhookSubscriptions.workspaceId, scope.workspaceId), eq(webhookSubscriptions.id, subscriptionId));
  const gone = result.outcome === "gone";
  await scope.db.batch([
    scope.db.insert(webhookAttempts).values({
      id: newId("wha", at),
      workspaceId: scope.workspaceId,
      subscriptionId,
      eventId: event.id,
      eventName: event.name,
      attempt: attemptNumber,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      createdAt: at,
    }),
    scope.db
      .update(webhookSubscriptions)
      .set({
        lastStatus: result.statusCode,
        lastError: result.error,
        lastAttemptAt: at,
        failureCount: result.outcome === "delivered" ? 0 : sql`${webhookSubscriptions.failureCount} + 1`,
        ...(gone ? { enabled: false, disabledReason: GONE_REASON, updatedAt: at } : {}),
      })
      .where(subscription),
    // The receiver, not a person, switched it off: the audit log says why deliveries stopped.
    ...(gone
      ? [
          auditEntry(
            scope,
            { actorUserId: null, actorApiKeyId: null, ip: null, userAgent: null },
            { action: "webhook.disabled", entityType: "webhook", entityId: subscriptionId, details: { reason: GONE_REASON, eventId: event.id } },
          ),
        ]
      : []),
  ]);
}
