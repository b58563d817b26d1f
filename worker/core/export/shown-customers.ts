// The customers an export writes when it follows the list on screen: the list's own query with its
// filters and sort, or a saved segment's, page by page after the last row written (a page is
// PAGE_SIZE rows, so the export's paging ends on a short page as for every other source).
import { planSearch, customerListQuery, type CustomerFilters } from "../customers/customer-search.repository";
import { sortKey, type CustomerSort } from "../customers/customer-sort";
import type { WorkspaceScope } from "../data/database";
import { notFound } from "../http/problem";
import { compileSegmentFilter } from "../segments/segment-filter";
import { findSegment, matchingPageQuery } from "../segments/segments.repository";
import { PAGE_SIZE, type CustomerRow } from "./export.repository";

export interface ShownCustomers extends CustomerFilters {
  sort?: CustomerSort | undefined;
  segmentId?: string | undefined;
}

export const followsList = (query: ShownCustomers) => Object.values(query).some((value) => value !== undefined);

export async function shownCustomersSource(
  scope: WorkspaceScope,
  query: ShownCustomers,
  options: { timeZone: string; mobileTail: boolean },
): Promise<(after: CustomerRow | null) => Promise<CustomerRow[]>> {
  const { sort = "created", segmentId, ...filters } = query;
  if (segmentId) {
    const segment = await findSegment(scope, segmentId);
    if (!segment) throw notFound();
    const condition = compileSegmentFilter(segment.filter, scope, options.timeZone);
    return async (after) => (await matchingPageQuery(scope, condition, after?.id ?? null, PAGE_SIZE)).slice(0, PAGE_SIZE);
  }
  const search = filters.q !== undefined ? await planSearch(scope, filters.q) : undefined;
  return async (after) => {
    const key = after ? sortKey(sort, after) : null;
    const page = { afterId: after?.id ?? null, after: key && sort !== "created" ? { value: key[0] as string | number | null, id: after!.id } : undefined, sort, limit: PAGE_SIZE };
    return (await customerListQuery(scope, filters, page, search, { mobileTail: options.mobileTail })).slice(0, PAGE_SIZE);
  };
}
