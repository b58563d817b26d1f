// Storage of bulk actions: the action row (with its one audit entry), its progress, and the
// running actions whose next chunk never came.
import { and, eq, lt } from "drizzle-orm";
import { auditEntry, type AuditOrigin } from "../audit/audit";
import { now, toIso } from "../data/clock";
import type { Database, WorkspaceScope } from "../data/database";
import { customerBulkActions } from "../data/schema";
import type { BulkActionView, BulkChange } from "./bulk-action.schemas";
import type { StoredSelection } from "./bulk-selection";

export type BulkActionRow = typeof customerBulkActions.$inferSelect;

const byId = (scope: WorkspaceScope, id: string) => and(eq(customerBulkActions.workspaceId, scope.workspaceId), eq(customerBulkActions.id, id));

export async function findBulkAction(scope: WorkspaceScope, id: string): Promise<BulkActionRow | null> {
  return (await scope.db.select().from(customerBulkActions).where(byId(scope, id)).get()) ?? null;
}

/**
 * Records the action and audits it, once, with its count and (for consent) its reason, in one
 * batch: the audit log shows one entry per bulk action, not one per customer.
 */
export async function insertBulkAction(
  scope: WorkspaceScope,
  origin: AuditOrigin,
  row: { id: string; change: BulkChange; selection: StoredSelection; selectionKind: string; total: number },
): Promise<void> {
  const time = now();
  const { type, ...params } = row.change;
  await scope.db.batch([
    scope.db.insert(customerBulkActions).values({
      id: row.id,
      workspaceId: scope.workspaceId,
      action: type,
      params,
      selection: row.selection as Record<string, unknown>,
      status: row.total === 0 ? "done" : "running",
      total: row.total,
      createdBy: origin.actorUserId,
      createdAt: time,
      updatedAt: time,
      finishedAt: row.total === 0 ? time : null,
    }),
    auditEntry(scope, origin, {
      action: "customers.bulk",
      entityType: "bulk_action",
      entityId: row.id,
      details: { action: type, ...params, selection: row.selectionKind, count: row.total },
    }),
  ]);
}

/** The chunk's progress, written last in its batch, only if no other run of it got there first. */
export function progressStatement(
  scope: WorkspaceScope,
  action: BulkActionRow,
  outcome: { done: number; changed: number; lastCustomerId: string | null; finished: boolean; outcomes?: Record<string, number> },
) {
  const time = now();
  const outcomes = outcome.outcomes ? addCounts(action.outcomes ?? {}, outcome.outcomes) : action.outcomes;
  return scope.db
    .update(customerBulkActions)
    .set({
      seq: action.seq + 1,
      done: action.done + outcome.done,
      changed: action.changed + outcome.changed,
      outcomes,
      lastCustomerId: outcome.lastCustomerId ?? action.lastCustomerId,
      status: outcome.finished ? "done" : "running",
      finishedAt: outcome.finished ? time : null,
      updatedAt: time,
    })
    .where(and(byId(scope, action.id), eq(customerBulkActions.seq, action.seq)));
}

function addCounts(total: Record<string, number>, more: Record<string, number>): Record<string, number> {
  const sum = { ...total };
  for (const [key, count] of Object.entries(more)) sum[key] = (sum[key] ?? 0) + count;
  return sum;
}

export async function markBulkFailed(scope: WorkspaceScope, id: string, error: string): Promise<void> {
  const time = now();
  await scope.db
    .update(customerBulkActions)
    .set({ status: "failed", error: error.slice(0, 500), finishedAt: time, updatedAt: time })
    .where(and(byId(scope, id), eq(customerBulkActions.status, "running")));
}

/** Running actions untouched since `before`: their chunk message was lost or given up on. */
export function stalledBulkActions(db: Database, before: number) {
  return db
    .select({ id: customerBulkActions.id, seq: customerBulkActions.seq, workspaceId: customerBulkActions.workspaceId })
    .from(customerBulkActions)
    .where(and(eq(customerBulkActions.status, "running"), lt(customerBulkActions.updatedAt, before)))
    .limit(50);
}

export function presentBulkAction(row: BulkActionRow): BulkActionView {
  return {
    id: row.id,
    action: row.action,
    status: row.status,
    total: row.total,
    done: row.done,
    changed: row.changed,
    outcomes: row.outcomes ?? null,
    error: row.error,
    createdAt: toIso(row.createdAt)!,
    finishedAt: toIso(row.finishedAt),
  };
}
