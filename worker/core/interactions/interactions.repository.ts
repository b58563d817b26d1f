// Every query on interactions. Every function takes the workspace scope first.
import { sql, type SQL } from "drizzle-orm";
import { toIso } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { idsOfWorkspace } from "../data/in-list";
import { interactions } from "../data/schema";
import { eventEntry } from "../events/outbox";
import type { InteractionView } from "./interaction.schemas";

export type InteractionRow = typeof interactions.$inferSelect;

/** The interaction and its `interaction.logged` event, committed together. */
export async function logInteraction(scope: WorkspaceScope, row: Omit<InteractionRow, "workspaceId">, actorUserId: string | null): Promise<InteractionRow> {
  const full = { ...row, workspaceId: scope.workspaceId };
  await scope.db.batch([
    scope.db.insert(interactions).values(full),
    eventEntry(scope, "interaction.logged", { customerId: row.customerId, interactionId: row.id, type: row.type }, actorUserId),
  ]);
  return full;
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
    createdBy: row.createdBy,
    createdAt: toIso(row.createdAt)!,
  };
}
