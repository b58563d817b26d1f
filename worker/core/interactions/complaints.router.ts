// Handlers for the complaints list and a complaint's status.
import { and, eq, isNull } from "drizzle-orm";
import { auditEntry, auditOrigin } from "../audit/audit";
import { actorOf } from "../auth/auth.middleware";
import { now } from "../data/clock";
import { cursorTimeId, toPage } from "../data/cursor";
import type { WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { customers } from "../data/schema";
import { notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { findComplaint, listComplaintsQuery, presentInteraction, setComplaintStatus, type InteractionRow } from "./interactions.repository";
import { listComplaintsRoute, updateComplaintRoute } from "./complaints.routes";

/** The shown names of the live customers of a page of complaints, in one query. */
async function customerNames(scope: WorkspaceScope, rows: InteractionRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.customerId))];
  if (ids.length === 0) return new Map();
  const found = await scope.db
    .select({ id: customers.id, displayName: customers.displayName, code: customers.code })
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), inList(customers.id, ids), isNull(customers.mergedInto), isNull(customers.erasedAt)));
  return new Map(found.map((customer) => [customer.id, customer.displayName || customer.code]));
}

export const complaintsRouter = createRouter()
  .openapi(listComplaintsRoute, async (c) => {
    const { cursor, limit, status } = c.req.valid("query");
    const scope = c.get("scope");
    const rows = await listComplaintsQuery(scope, status ? [status] : ["open", "in_progress"], { after: cursorTimeId(cursor), limit });
    const page = toPage(rows, limit, (row) => [row.occurredAt, row.id], (row) => row);
    const names = await customerNames(scope, page.items);
    return c.json({ ...page, items: page.items.map((row) => ({ ...presentInteraction(row), customerName: names.get(row.customerId) ?? null })) }, 200);
  })
  .openapi(updateComplaintRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { status } = c.req.valid("json");
    actorOf(c);
    const scope = c.get("scope");
    const complaint = await findComplaint(scope, id);
    if (!complaint) throw notFound();
    if (complaint.status === status) return c.json(presentInteraction(complaint), 200);
    const time = now();
    await scope.db.batch([
      setComplaintStatus(scope, id, status, time),
      auditEntry(scope, auditOrigin(c), {
        action: "complaint.status_changed",
        entityType: "interaction",
        entityId: id,
        customerId: complaint.customerId,
        details: { before: complaint.status, after: status },
      }),
    ]);
    return c.json(presentInteraction({ ...complaint, status, statusChangedAt: time }), 200);
  });
