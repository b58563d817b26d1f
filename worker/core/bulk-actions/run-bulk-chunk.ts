// Running one chunk of a bulk action from the jobs queue: the next customers after the last one
// done, the action's statements for them and the action's progress in one batch, their events
// handed to delivery, and the next chunk queued. A chunk is a few D1 queries whatever its size
// (a batch is one query), well within the Free plan's 50 per invocation; a bulk send sends to as
// many customers as the plan's queries allow (bulk-send.ts).
import type { AuditOrigin } from "../audit/audit";
import { identifiersOf } from "../customers/customers.repository";
import { openWorkspace } from "../data/database";
import { dispatchEvents } from "../delivery/dispatch";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { BulkChange, isBulkSend } from "./bulk-action.schemas";
import { chunkChanges } from "./bulk-changes";
import { findBulkAction, progressStatement } from "./bulk-actions.repository";
import type { BulkChunkMessage } from "./bulk-message";
import { sendChunkSize, sendToEach } from "./bulk-send";
import { selectionPage, type StoredSelection } from "./bulk-selection";

/** Customers per chunk: a tag or an owner is a few set-based statements for all of them. */
export const BULK_CHUNK_SIZE = 100;
/** Erasing writes a dozen statements per customer, so fewer customers per chunk. */
export const ERASE_CHUNK_SIZE = 20;

export async function runBulkChunk(env: Env, message: BulkChunkMessage): Promise<{ next: number | null }> {
  const scope = openWorkspace(env, message.workspaceId);
  const action = await findBulkAction(scope, message.actionId);
  // Finished, failed, or this chunk already ran (its run queued the next one).
  if (!action || action.status !== "running" || action.seq !== message.seq) return { next: null };
  const change = BulkChange.parse({ type: action.action, ...action.params });
  const selection = action.selection as StoredSelection;
  const timeZone = "segmentFilter" in selection ? (await getWorkspaceSettings(env, scope.workspaceId)).timeZone : "UTC";
  const size = change.type === "erase" ? ERASE_CHUNK_SIZE : isBulkSend(change) ? sendChunkSize(env) : BULK_CHUNK_SIZE;
  const { rows, more } = await selectionPage(scope, selection, timeZone, action.lastCustomerId, size);
  const progress = { done: rows.length, lastCustomerId: rows.at(-1)?.id ?? null, finished: !more };
  if (isBulkSend(change)) {
    const sent = await sendToEach(env, scope, action, change, rows);
    await progressStatement(scope, action, { ...progress, ...sent });
    return { next: more ? action.seq + 1 : null };
  }
  const identifiers = change.type === "erase" ? await identifiersOf(scope, rows.map((row) => row.id)) : new Map();
  const origin: AuditOrigin = { actorUserId: action.createdBy, actorApiKeyId: null, ip: null, userAgent: null };
  const { statements, changed } = chunkChanges({ scope, actionId: action.id, seq: action.seq, actorUserId: action.createdBy, rows, identifiers }, change, origin);
  await scope.db.batch([
    ...(statements as []),
    progressStatement(scope, action, { ...progress, changed }),
  ] as never);
  if (scope.pendingEvents.length) await dispatchEvents(env, scope.workspaceId, [...scope.pendingEvents]);
  return { next: more ? action.seq + 1 : null };
}
