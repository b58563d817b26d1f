// What the customers list is showing, kept in the address (?q=&stage=&tag=&city=&owner=&segment=&sort=)
// so a filtered list can be bookmarked, shared and returned to with Back.

export interface CustomerFilters {
  q: string;
  stage: string;
  tag: string;
  city: string;
  owner: string;
  segment: string;
  /** "" is newest first; else name, lastOrder, totalSpent or orderCount. */
  sort: string;
}

const KEYS = ["q", "stage", "tag", "city", "owner", "segment", "sort"] as const;

export const SORTS = ["", "name", "lastOrder", "totalSpent", "orderCount"] as const;

export const NO_FILTERS: CustomerFilters = { q: "", stage: "", tag: "", city: "", owner: "", segment: "", sort: "" };

export function filtersFromSearch(search: string): CustomerFilters {
  const params = new URLSearchParams(search);
  const filters = { ...NO_FILTERS };
  for (const key of KEYS) filters[key] = params.get(key) ?? "";
  return filters;
}

export function searchFromFilters(filters: CustomerFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
  return params.toString();
}

/** The query GET /api/customers takes (q, stage, tag, city, ownerUserId, sort). */
export function listQuery(filters: CustomerFilters) {
  return {
    q: filters.q.trim() || undefined,
    stage: filters.stage || undefined,
    tag: filters.tag.trim() || undefined,
    city: filters.city.trim() || undefined,
    ownerUserId: filters.owner || undefined,
    sort: filters.sort || undefined,
  };
}

/** The list's filters as a bulk action's "all matching" selection takes them. */
export function bulkFilter(filters: CustomerFilters) {
  const { sort: _sort, ...filter } = listQuery(filters);
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

export const hasListFilters = (filters: CustomerFilters) => Boolean(filters.q.trim() || filters.stage || filters.tag.trim() || filters.city.trim() || filters.owner);

/**
 * The part of the filters a saved segment can hold (stage, tag, city), as the API's segment
 * filter; null when none is set. Search text and owner have no segment field.
 */
export function segmentFilter(filters: CustomerFilters): Record<string, unknown> | null {
  const filter: Record<string, unknown> = {};
  if (filters.stage) filter.stages = [filters.stage];
  if (filters.tag.trim()) filter.tags = { any: [filters.tag.trim()] };
  if (filters.city.trim()) filter.cities = [filters.city.trim()];
  return Object.keys(filter).length ? filter : null;
}

/** The filters shown as removable chips above the list (search text has its own box in view). */
export const CHIP_FILTERS = ["stage", "tag", "city", "owner"] as const;
export type ChipFilter = (typeof CHIP_FILTERS)[number];

/** The chip filters that are set, in the form's order. */
export const appliedChips = (filters: CustomerFilters): ChipFilter[] => CHIP_FILTERS.filter((key) => filters[key].trim() !== "");

/** The filters without one chip's filter, or without every chip's (search text and sort stay). */
export function withoutChips(filters: CustomerFilters, keys: readonly ChipFilter[]): CustomerFilters {
  const next = { ...filters };
  for (const key of keys) next[key] = "";
  return next;
}
