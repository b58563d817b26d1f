// Every query on interactions. Every function takes the workspace scope first.
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { toIso } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { idsOfWorkspace } from "../data/in-list";
import { interactions, tasks } from "../data/schema";
import { eventEntry } from "../events/outbox";
import type { InteractionView } from "./interaction.schemas";
import type { ComplaintStatus } from "./interactions.schema";

export type InteractionRow = typeof interactions.$inferSelect;
export type FollowUpTask = Omit<typeof tasks.$inferInsert, "workspaceId">;

/**
 * The interaction and its `interaction.logged` event, and the follow-up task with its
 * `task.created` event when one is asked for: all committed together, so a call is never logged
 * without the follow-up its caller was promised (nor the reverse).
 */
export async function logInteraction(
  scope: WorkspaceScope,
  row: Omit<InteractionRow, "workspaceId">,
  actorUserId: string | null,
  followUp?: FollowUpTask,
): Promise<InteractionRow> {
  const full = { ...row, workspaceId: scope.workspaceId };
  await scope.db.batch([
    scope.db.insert(interactions).values(full),
    eventEntry(scope, "interaction.logged", { customerId: row.customerId, interactionId: row.id, type: row.type }, actorUserId),
    ...(followUp
      ? [
          scope.db.insert(tasks).values({ ...followUp, workspaceId: scope.workspaceId }),
          eventEntry(scope, "task.created", { taskId: followUp.id, customerId: followUp.customerId ?? null, assigneeUserId: followUp.assigneeUserId ?? null }, actorUserId),
        ]
      : []),
  ]);
  return full;
}

export function findComplaint(scope: WorkspaceScope, id: string): Promise<InteractionRow | undefined> {
  return scope.db
    .select()
    .from(interactions)
    .where(and(eq(interactions.workspaceId, scope.workspaceId), eq(interactions.id, id), eq(interactions.type, "complaint")))
    .get();
}

/** A page of complaints in these statuses, oldest first (the longest waiting leads), on interactions_complaint_status_idx. */
export function listComplaintsQuery(scope: WorkspaceScope, statuses: ComplaintStatus[], page: { after: { at: number; id: string } | null; limit: number }) {
  const after = page.after ? sql`(${interactions.occurredAt}, ${interactions.id}) > (${page.after.at}, ${page.after.id})` : undefined;
  return scope.db
    .select()
    .from(interactions)
    .where(and(eq(interactions.workspaceId, scope.workspaceId), inArray(interactions.status, statuses), after))
    .orderBy(asc(interactions.occurredAt), asc(interactions.id))
    .limit(page.limit + 1);
}

export function setComplaintStatus(scope: WorkspaceScope, id: string, status: ComplaintStatus, time: number) {
  return scope.db
    .update(interactions)
    .set({ status, statusChangedAt: time })
    .where(and(eq(interactions.workspaceId, scope.workspaceId), eq(interactions.id, id)));
}

export async function interactionsByIds(scope: WorkspaceScope, ids: string[]): Promise<InteractionRow[]> {
  if (ids.length === 0) return [];
  return scope.db
    .select()
    .from(interactions)
    .where(idsOfWorkspace(interactions.workspaceId, scope.workspaceId, interactions.id, ids));
}

/**
 * The timeline branch of interactions: (kind, id, at) of a customer's interactions before the
 * cursor, read from interactions_customer_time_idx alone.
 */
export function interactionTimelineKeys(scope: WorkspaceScope, customerId: string, before: { at: number; id: string } | null): SQL {
  const older = before ? sql` and (${interactions.occurredAt}, ${interactions.id}) < (${before.at}, ${before.id})` : sql``;
  return sql`select 'interaction' as kind, ${interactions.id} as id, ${interactions.occurredAt} as at from ${interactions}
    where ${interactions.workspaceId} = ${scope.workspaceId} and ${interactions.customerId} = ${customerId}${older}`;
}

export function presentInteraction(row: InteractionRow): InteractionView {
  return {
    id: row.id,
    customerId: row.customerId,
    type: row.type,
    channel: row.channel,
    direction: row.direction,
    summary: row.summary,
    occurredAt: toIso(row.occurredAt)!,
    staffUserId: row.staffUserId,
    outcome: row.outcome,
    durationSeconds: row.durationSeconds,
    status: row.status,
    statusChangedAt: toIso(row.statusChangedAt),
    createdBy: row.createdBy,
    createdAt: toIso(row.createdAt)!,
  };
}
