// Subscriptions and attempts as the API shows them. The secret is never part of a subscription's
// view: only creation and rotation add it, once.
import { toIso } from "../data/clock";
import type { AttemptRow } from "./webhook-attempts.repository";
import type { SubscriptionRow } from "./webhooks-out.repository";

export function presentSubscription(row: SubscriptionRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    lastAttemptAt: toIso(row.lastAttemptAt),
    failureCount: row.failureCount,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}

export function presentAttempt(row: AttemptRow) {
  return {
    id: row.id,
    eventId: row.eventId,
    eventName: row.eventName,
    attempt: row.attempt,
    statusCode: row.statusCode,
    durationMs: row.durationMs,
    error: row.error,
    at: toIso(row.createdAt)!,
  };
}
