// Handlers for the bulk-actions contract: the selection is checked and counted, the action and
// its audit entry written together, and the first chunk queued.
import { actorOf } from "../auth/auth.middleware";
import { auditOrigin } from "../audit/audit";
import { findCustomerList } from "../customer-lists/customer-lists.repository";
import { assertOwnerIsMember } from "../customers/customer-record";
import { newId } from "../data/ids";
import { forbidden, invalidField, notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { findSegment } from "../segments/segments.repository";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { isBulkSend, type BulkSelection } from "./bulk-action.schemas";
import { countSelectionRoute, createBulkActionRoute, getBulkActionRoute } from "./bulk-actions.routes";
import { findBulkAction, insertBulkAction, presentBulkAction } from "./bulk-actions.repository";
import { bulkChunkMessage } from "./bulk-message";
import { assertSendable } from "./bulk-send-check";
import { countSelection, type StoredSelection } from "./bulk-selection";

export const bulkActionsRouter = createRouter()
  .openapi(createBulkActionRoute, async (c) => {
    const { selection, change } = c.req.valid("json");
    const actor = actorOf(c);
    const scope = c.get("scope");
    if (change.type === "erase" && !actor.permissions.has("customers:delete")) throw forbidden();
    if (change.type === "assign_owner") await assertOwnerIsMember(c.env, actor.workspaceId, change.ownerUserId, "body.change.ownerUserId");
    if (change.type === "add_to_list" && !(await findCustomerList(scope, change.listId))) throw invalidField("body.change.listId", "unknown_list");
    if (isBulkSend(change)) await assertSendable(scope, change, actor.permissions);
    const stored = await storedSelection(scope, selection, actor.permissions.has("customers.pii:read"));
    const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
    const total = await countSelection(scope, stored, settings.timeZone);
    if (change.type === "erase" && change.confirmCount !== total) throw invalidField("body.change.confirmCount", "confirm_count_mismatch", { count: total });
    const id = newId("blk");
    await insertBulkAction(scope, auditOrigin(c), { id, change, selection: stored, selectionKind: Object.keys(selection)[0]!, total });
    if (total > 0) await c.env.JOBS_QUEUE.send(bulkChunkMessage(scope.workspaceId, id, 0));
    return c.json(presentBulkAction((await findBulkAction(scope, id))!), 202);
  })
  .openapi(countSelectionRoute, async (c) => {
    const scope = c.get("scope");
    const stored = await storedSelection(scope, c.req.valid("json").selection, actorOf(c).permissions.has("customers.pii:read"));
    const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
    return c.json({ total: await countSelection(scope, stored, settings.timeZone) }, 200);
  })
  .openapi(getBulkActionRoute, async (c) => {
    const row = await findBulkAction(c.get("scope"), c.req.valid("param").id);
    if (!row) throw notFound();
    return c.json(presentBulkAction(row), 200);
  });

async function storedSelection(scope: Parameters<typeof findSegment>[0], selection: BulkSelection, mobileTail: boolean): Promise<StoredSelection> {
  if ("ids" in selection) return { ids: [...new Set(selection.ids)] };
  if ("filter" in selection) return { filter: selection.filter, mobileTail };
  const segment = await findSegment(scope, selection.segmentId);
  if (!segment) throw invalidField("body.selection.segmentId", "not_found");
  // The segment as it is now: editing it later does not change what this action works through.
  return { segmentFilter: segment.filter, ...(selection.q !== undefined ? { q: selection.q, mobileTail } : {}) };
}
