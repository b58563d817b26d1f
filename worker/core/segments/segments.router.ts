// Handlers for the segments contract.
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { auditEntry, auditOrigin } from "../audit/audit";
import { now, toIso } from "../data/clock";
import { cursorId, toPage } from "../data/cursor";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { segments } from "../data/schema";
import { presentCustomer } from "../customers/customer.presenter";
import { identifiersOf } from "../customers/customers.repository";
import { searchMatching } from "../customers/customer-search.repository";
import { notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { and, eq } from "drizzle-orm";
import { PREVIEW_SAMPLE, type SegmentView } from "./segment.schemas";
import { compileSegmentFilter, type SegmentFilter } from "./segment-filter";
import { countMatching, findSegment, listSegments, matchingPageQuery, type CustomerRow, type SegmentRow } from "./segments.repository";
import {
  createSegmentRoute,
  deleteSegmentRoute,
  getSegmentRoute,
  listSegmentsRoute,
  previewSegmentRoute,
  segmentCustomersRoute,
  updateSegmentRoute,
} from "./segments.routes";

function presentSegment(row: SegmentRow): SegmentView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    filter: row.filter,
    createdBy: row.createdBy,
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  };
}

/** Customers as the customer list shows them: masked (segments never reveal PII). */
async function presentCustomers(c: Context, rows: CustomerRow[], cidKind: string) {
  const identifiers = await identifiersOf(c.get("scope"), rows.map((row) => row.id));
  return rows.map((row) => presentCustomer(row, identifiers.get(row.id) ?? [], { revealPii: false, cidKind }));
}

async function loadSegment(scope: WorkspaceScope, id: string): Promise<SegmentRow> {
  const row = await findSegment(scope, id);
  if (!row) throw notFound();
  return row;
}

const byId = (scope: WorkspaceScope, id: string) => and(eq(segments.workspaceId, scope.workspaceId), eq(segments.id, id));

export const segmentsRouter = createRouter()
  .openapi(previewSegmentRoute, async (c) => {
    const { filter } = c.req.valid("json");
    const scope = c.get("scope");
    const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
    const condition = compileSegmentFilter(filter as SegmentFilter, scope, settings.timeZone);
    const [total, rows] = await Promise.all([countMatching(scope, condition), matchingPageQuery(scope, condition, null, PREVIEW_SAMPLE - 1)]);
    return c.json({ total, sample: await presentCustomers(c, rows, settings.cidKind) }, 200);
  })
  .openapi(listSegmentsRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const rows = await listSegments(c.get("scope"), cursorId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.id], presentSegment), 200);
  })
  .openapi(createSegmentRoute, async (c) => {
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const actor = actorOf(c);
    const time = now();
    const row: SegmentRow = {
      id: newId("seg"),
      workspaceId: scope.workspaceId,
      name: input.name,
      description: input.description ?? null,
      filter: input.filter as SegmentFilter,
      createdBy: actor.userId,
      createdAt: time,
      updatedAt: time,
    };
    await scope.db.batch([
      scope.db.insert(segments).values(row),
      auditEntry(scope, auditOrigin(c), { action: "segment.created", entityType: "segment", entityId: row.id, details: { name: row.name, filter: row.filter } }),
    ]);
    return c.json(presentSegment(row), 201);
  })
  .openapi(getSegmentRoute, async (c) => {
    return c.json(presentSegment(await loadSegment(c.get("scope"), c.req.valid("param").id)), 200);
  })
  .openapi(updateSegmentRoute, async (c) => {
    const scope = c.get("scope");
    const current = await loadSegment(scope, c.req.valid("param").id);
    const input = c.req.valid("json");
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.filter !== undefined ? { filter: input.filter as SegmentFilter } : {}),
    };
    const updated: SegmentRow = { ...current, ...changes, updatedAt: now() };
    await scope.db.batch([
      scope.db.update(segments).set({ ...changes, updatedAt: updated.updatedAt }).where(byId(scope, current.id)),
      auditEntry(scope, auditOrigin(c), { action: "segment.updated", entityType: "segment", entityId: current.id, details: { changed: Object.keys(changes) } }),
    ]);
    return c.json(presentSegment(updated), 200);
  })
  .openapi(deleteSegmentRoute, async (c) => {
    const scope = c.get("scope");
    const current = await loadSegment(scope, c.req.valid("param").id);
    await scope.db.batch([
      scope.db.delete(segments).where(byId(scope, current.id)),
      auditEntry(scope, auditOrigin(c), { action: "segment.deleted", entityType: "segment", entityId: current.id, details: { name: current.name } }),
    ]);
    return c.body(null, 204);
  })
  .openapi(segmentCustomersRoute, async (c) => {
    const scope = c.get("scope");
    const segment = await loadSegment(scope, c.req.valid("param").id);
    const { cursor, limit, q } = c.req.valid("query");
    const afterId = cursorId(cursor);
    const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
    const search = q === undefined ? undefined : await searchMatching(scope, q, { mobileTail: actorOf(c).permissions.has("customers.pii:read") });
    const rows = await matchingPageQuery(scope, and(compileSegmentFilter(segment.filter, scope, settings.timeZone), search)!, afterId, limit);
    const shown = await presentCustomers(c, rows.slice(0, limit), settings.cidKind);
    const byRow = new Map(shown.map((customer) => [customer.id, customer]));
    return c.json(toPage(rows, limit, (row) => [row.id], (row) => byRow.get(row.id)!), 200);
  });
