// Which customers a bulk action works through, as stored with the action and read back chunk by
// chunk: newest first by id after the last one done, so customers the action changes (a tag
// removed, a customer erased) never shift the pages still to come.
import { and, sql, type SQL } from "drizzle-orm";
import { customerListQuery, planSearch, searchMatching, type CustomerFilters } from "../customers/customer-search.repository";
import type { CustomerRow } from "../customers/customers.repository";
import type { WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { customers } from "../data/schema";
import { compileSegmentFilter, liveCustomers, type SegmentFilter } from "../segments/segment-filter";
import { countMatching, matchingPageQuery } from "../segments/segments.repository";

/**
 * As stored: chosen ids, the list's filters with the asker's search reach (only staff who may see
 * personal data match by a mobile's last digits), or a segment's filter as it was when asked for
 * (with the search box's text, when the segment's list was searched, and the same reach).
 */
export type StoredSelection =
  | { ids: string[] }
  | { filter: CustomerFilters; mobileTail: boolean }
  | { segmentFilter: SegmentFilter; q?: string; mobileTail?: boolean };

/** Rows in the list query's order have no upper bound when counted. */
const ALL = 1_000_000_000;

/** Chosen ids or a segment as one condition on customers; null for the list's filters, which have their own query. */
async function conditionOf(scope: WorkspaceScope, selection: StoredSelection, timeZone: string): Promise<SQL | null> {
  if ("ids" in selection) return and(liveCustomers(scope), inList(customers.id, selection.ids))!;
  if (!("segmentFilter" in selection)) return null;
  const segment = compileSegmentFilter(selection.segmentFilter, scope, timeZone);
  if (selection.q === undefined) return segment;
  // Searching inside a segment: the search box narrows its customers, as the segment's list does.
  return and(segment, await searchMatching(scope, selection.q, { mobileTail: selection.mobileTail === true }))!;
}

/** How many customers the selection matches now. */
export async function countSelection(scope: WorkspaceScope, selection: StoredSelection, timeZone: string): Promise<number> {
  const condition = await conditionOf(scope, selection, timeZone);
  if (condition) return countMatching(scope, condition);
  const { filter, mobileTail } = selection as Extract<StoredSelection, { filter: CustomerFilters }>;
  const search = filter.q !== undefined ? await planSearch(scope, filter.q) : undefined;
  const query = customerListQuery(scope, filter, { afterId: null, limit: ALL }, search, { mobileTail });
  const [row] = await scope.db.all<{ n: number }>(sql`select count(*) as n from (${query})`);
  return Number(row?.n ?? 0);
}

/** The next `limit` customers after `afterId`, and whether any follow. */
export async function selectionPage(
  scope: WorkspaceScope,
  selection: StoredSelection,
  timeZone: string,
  afterId: string | null,
  limit: number,
): Promise<{ rows: CustomerRow[]; more: boolean }> {
  const condition = await conditionOf(scope, selection, timeZone);
  let rows: CustomerRow[];
  if (condition) rows = await matchingPageQuery(scope, condition, afterId, limit);
  else {
    const { filter, mobileTail } = selection as Extract<StoredSelection, { filter: CustomerFilters }>;
    const search = filter.q !== undefined ? await planSearch(scope, filter.q) : undefined;
    rows = await customerListQuery(scope, filter, { afterId, limit }, search, { mobileTail });
  }
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
