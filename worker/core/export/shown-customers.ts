// The customers an export writes when it follows the list on screen: the list's own query with its
// filters and sort, a saved segment's, or the rows ticked on it, page by page after the last row
// written (a page is PAGE_SIZE rows, so the export's paging ends on a short page as for every other
// source).
import { and } from "drizzle-orm";
import { planSearch, customerListQuery, searchMatching, type CustomerFilters } from "../customers/customer-search.repository";
import { sortKey, type CustomerSort } from "../customers/customer-sort";
import type { WorkspaceScope } from "../data/database";
import { notFound } from "../http/problem";
import { inList } from "../data/in-list";
import { customers } from "../data/schema";
import { compileSegmentFilter, liveCustomers } from "../segments/segment-filter";
import { countMatching, findSegment, matchingPageQuery } from "../segments/segments.repository";
import { countSelection } from "../bulk-actions/bulk-selection";
import { PAGE_SIZE, type CustomerRow } from "./export.repository";

export interface ShownCustomers extends CustomerFilters {
  sort?: CustomerSort | undefined;
  segmentId?: string | undefined;
  /** Customers ticked on the list (newest first), instead of its filters. */
  ids?: string[] | undefined;
}

export const followsList = (query: ShownCustomers) => Object.values(query).some((value) => value !== undefined);

export async function shownCustomersSource(
  scope: WorkspaceScope,
  query: ShownCustomers,
  options: { timeZone: string; mobileTail: boolean },
): Promise<(after: CustomerRow | null) => Promise<CustomerRow[]>> {
  const { sort = "created", segmentId, ids, ...filters } = query;
  if (ids) {
    const chosen = and(liveCustomers(scope), inList(customers.id, ids))!;
    return async (after) => (await matchingPageQuery(scope, chosen, after?.id ?? null, PAGE_SIZE)).slice(0, PAGE_SIZE);
  }
  if (segmentId) {
    const segment = await findSegment(scope, segmentId);
    if (!segment) throw notFound();
    // Searching inside a segment: the search box narrows the segment's customers.
    const search = filters.q !== undefined ? await searchMatching(scope, filters.q, options) : undefined;
    const condition = and(compileSegmentFilter(segment.filter, scope, options.timeZone), search)!;
    return async (after) => (await matchingPageQuery(scope, condition, after?.id ?? null, PAGE_SIZE)).slice(0, PAGE_SIZE);
  }
  const search = filters.q !== undefined ? await planSearch(scope, filters.q) : undefined;
  return async (after) => {
    const key = after ? sortKey(sort, after) : null;
    const page = { afterId: after?.id ?? null, after: key && sort !== "created" ? { value: key[0] as string | number | null, id: after!.id } : undefined, sort, limit: PAGE_SIZE };
    return (await customerListQuery(scope, filters, page, search, { mobileTail: options.mobileTail })).slice(0, PAGE_SIZE);
  };
}

/** How many customers the export would write (every live customer when it does not follow the list). */
export async function countShownCustomers(scope: WorkspaceScope, query: ShownCustomers, options: { timeZone: string; mobileTail: boolean }): Promise<number> {
  const { sort: _sort, segmentId, ids, ...filters } = query;
  if (ids) return countSelection(scope, { ids }, options.timeZone);
  if (segmentId) {
    const segment = await findSegment(scope, segmentId);
    if (!segment) throw notFound();
    const search = filters.q !== undefined ? await searchMatching(scope, filters.q, options) : undefined;
    return countMatching(scope, and(compileSegmentFilter(segment.filter, scope, options.timeZone), search)!);
  }
  return countSelection(scope, { filter: filters, mobileTail: options.mobileTail }, options.timeZone);
}
