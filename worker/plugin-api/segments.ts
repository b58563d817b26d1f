// Segments as a plugin uses them: list the workspace's saved segments and turn one into a
// condition on `customersTable`. (A filter field of its own is declared in definePlugin's
// `segmentFields`.)
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { WorkspaceScope } from "../core/data/database";
import { customerLists, segments } from "../core/data/schema";
import { compileSegmentFilter, SegmentFilterSchema } from "../core/segments/segment-filter";
import { findSegment } from "../core/segments/segments.repository";
import { searchMatching } from "../core/customers/customer-search.repository";
import type { PluginContext } from "./types";

const scopeOf = (ctx: PluginContext<unknown>): WorkspaceScope => ({ workspaceId: ctx.workspaceId, db: ctx.db as unknown as WorkspaceScope["db"], pendingEvents: [] });

/** The workspace's saved segments (id and name), newest first. */
export async function savedSegments(ctx: PluginContext<unknown>, limit = 100): Promise<Array<{ id: string; name: string }>> {
  return ctx.db
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(eq(segments.workspaceId, ctx.workspaceId))
    .orderBy(desc(segments.id))
    .limit(limit);
}

/**
 * A saved segment as one condition on `customersTable` (live customers matching its filter, as
 * the segment's own list counts them), with its name; null when the workspace has no such segment.
 */
export async function segmentCondition(ctx: PluginContext<unknown>, segmentId: string): Promise<{ name: string; condition: SQL } | null> {
  const scope = scopeOf(ctx);
  const segment = await findSegment(scope, segmentId);
  if (!segment) return null;
  return { name: segment.name, condition: and(compileSegmentFilter(segment.filter, scope, ctx.timeZone))! };
}

/** An ad-hoc segment filter, as saved segments and the preview take it (zod; plugins' fields too). */
export const SegmentFilter = SegmentFilterSchema;

/** An ad-hoc filter (already validated by `SegmentFilter`) as one condition on live customers. */
export function filterCondition(ctx: PluginContext<unknown>, filter: Record<string, unknown>): SQL {
  return compileSegmentFilter(filter, scopeOf(ctx), ctx.timeZone);
}

/**
 * The customer list's search box as a condition on `customersTable`: the words of a name, or a
 * whole identifier (a mobile in any form, an e-mail). Not a mobile's last digits, which only staff
 * who may see personal data search by.
 */
export function customerSearch(ctx: PluginContext<unknown>, q: string): Promise<SQL> {
  return searchMatching(scopeOf(ctx), q, { mobileTail: false });
}

/**
 * A static list of the workspace (id and name), to target as the filter `{ lists: [id] }`; null
 * when the workspace has no such list (another workspace's is never found).
 */
export async function staticList(ctx: PluginContext<unknown>, listId: string): Promise<{ id: string; name: string } | null> {
  const list = await ctx.db
    .select({ id: customerLists.id, name: customerLists.name })
    .from(customerLists)
    .where(and(eq(customerLists.workspaceId, ctx.workspaceId), eq(customerLists.id, listId)))
    .get();
  return list ?? null;
}
