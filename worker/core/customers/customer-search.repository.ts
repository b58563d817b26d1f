// The customer list with its search and filters, newest first by keyset on id. Every filter is
// answered by an index: names through the name-word indexes, identifiers through their unique
// index, tags by walking the tag index in id order, the rest by (workspace, column, id) indexes.
import { and, desc, eq, exists, getTableColumns, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { compactQuery, foldName, nameWords } from "../cid/fold-name";
import { identifierCandidates } from "../cid/normalize-identifier";
import { mobileTailOf } from "../cid/mobile-tail";
import type { WorkspaceScope } from "../data/database";
import { customerIdentifiers, customerNameWords, customers, customerTags } from "../data/schema";
import type { LifecycleStage } from "./customers.schema";
import { sortAfter, sortOrder, type CustomerSort, type SortAfter } from "./customer-sort";
import { identifierPairsOf } from "./identifier-pairs";

export interface CustomerFilters {
  /** A prefix of any word of the name, or any identifier in any form. */
  q?: string;
  tag?: string;
  city?: string;
  province?: string;
  ownerUserId?: string;
  stage?: LifecycleStage;
}

/** Who searches: only staff who may see personal data find customers by a mobile's last digits. */
export interface SearchReach {
  mobileTail: boolean;
}

export interface PageRequest {
  afterId: string | null;
  limit: number;
  /** Newest first unless another order is asked for (customer-sort.ts). */
  sort?: CustomerSort;
  /** In another order than newest first: where the previous page ended. */
  after?: SortAfter | undefined;
}

/**
 * How a name search runs. A rare word drives: its few matches are looked up by id. When every
 * word is common ("محمد"), collecting all matches would read most of the workspace for one page,
 * so customers are walked newest first and each is checked, stopping once the page is full.
 */
export type SearchPlan = { driver: string } | { driver: null };

/** Above this many matches a word is common; counting stops there, so the probe stays cheap. */
export const COMMON_WORD = 500;

// Sorts after every character, so [word, word + LAST) is the range of words starting with it.
const LAST = "\u{10FFFF}";

const queryWords = (q: string) => nameWords(foldName(q));

const startsWith = (word: string) => and(gte(customerNameWords.word, word), lt(customerNameWords.word, word + LAST));

/** Customer ids with a name word starting with `word` (the word index, in word order). */
const idsByWord = (scope: WorkspaceScope, word: string) =>
  scope.db
    .select({ customerId: customerNameWords.customerId })
    .from(customerNameWords)
    .where(and(eq(customerNameWords.workspaceId, scope.workspaceId), startsWith(word)));

/** Whether the customer of the outer row has a name word starting with `word` (one seek). */
const hasWord = (scope: WorkspaceScope, word: string) =>
  exists(
    scope.db
      .select({ one: sql`1` })
      .from(customerNameWords)
      .where(and(eq(customerNameWords.workspaceId, scope.workspaceId), eq(customerNameWords.customerId, customers.id), startsWith(word))),
  );

/** Customer ids whose mobile ends with these digits (the reversed-tail index, a prefix range). */
const idsByMobileTail = (scope: WorkspaceScope, reversedTail: string) =>
  scope.db
    .select({ customerId: customerIdentifiers.customerId })
    .from(customerIdentifiers)
    .where(
      and(
        eq(customerIdentifiers.workspaceId, scope.workspaceId),
        gte(customerIdentifiers.tailKey, reversedTail),
        lt(customerIdentifiers.tailKey, reversedTail + LAST),
      ),
    );

function idsByIdentifier(scope: WorkspaceScope, q: string) {
  const candidates = identifierCandidates(q);
  if (candidates.length === 0) return null;
  return scope.db
    .select({ customerId: customerIdentifiers.customerId })
    .from(customerIdentifiers)
    .where(identifierPairsOf(scope.workspaceId, candidates));
}

/** Counts each query word's matches up to COMMON_WORD, in one round trip, and picks the plan. */
export async function planSearch(scope: WorkspaceScope, q: string): Promise<SearchPlan> {
  const words = queryWords(q);
  if (words.length === 0) return { driver: null };
  const probes = words.map((word) => sql`(select count(*) from (${idsByWord(scope, word).limit(COMMON_WORD)}))`);
  const [counts] = await scope.db.values<number[]>(sql`select ${sql.join(probes, sql`, `)}`);
  const rarest = words.map((word, i) => ({ word, count: Number(counts?.[i] ?? 0) })).sort((a, b) => a.count - b.count)[0]!;
  return rarest.count < COMMON_WORD ? { driver: rarest.word } : { driver: null };
}

/**
 * The search as a condition on customers: every word starts a name word, or the words written
 * together start one ("علی رضا" finds "علیرضا"), or q is an identifier, or (for staff who may see
 * personal data) q is the last digits of a mobile.
 */
function searchCondition(scope: WorkspaceScope, q: string, plan: SearchPlan, byTail: boolean): SQL {
  const words = queryWords(q);
  const compact = compactQuery(foldName(q));
  const byIdentifier = idsByIdentifier(scope, q);
  const tail = byTail ? mobileTailOf(q) : null;
  const byMobileTail = tail ? idsByMobileTail(scope, tail) : null;
  const matches = or(
    words.length ? and(...words.map((word) => hasWord(scope, word))) : undefined,
    compact ? hasWord(scope, compact) : undefined,
    byIdentifier ? inArray(customers.id, byIdentifier) : undefined,
    byMobileTail ? inArray(customers.id, byMobileTail) : undefined,
  ) ?? sql`0`;
  if (plan.driver === null || !words.includes(plan.driver)) return matches;
  // One compound select (driver UNION the other ways in): the planner looks customers up by id
  // from the short list instead of walking every customer, then checks the full condition.
  const sources = [idsByWord(scope, plan.driver), compact ? idsByWord(scope, compact) : null, byIdentifier, byMobileTail].filter((s) => s !== null);
  const compound = sql.join(sources.map((source) => sql`select customer_id from ${source}`), sql` union `);
  return and(sql`${customers.id} in (${compound})`, matches)!;
}

/** The search box alone as a condition on customers, for lists other than this one (a segment's customers). */
export async function searchMatching(scope: WorkspaceScope, q: string, reach: SearchReach): Promise<SQL> {
  return searchCondition(scope, q, await planSearch(scope, q), reach.mobileTail);
}

/** The list query, unexecuted, so tests can EXPLAIN exactly what runs. */
export function customerListQuery(
  scope: WorkspaceScope,
  filters: CustomerFilters,
  page: PageRequest,
  search: SearchPlan = { driver: null },
  reach: SearchReach = { mobileTail: false },
) {
  const sort = page.sort ?? "created";
  // With a tag, newest first, the tag index drives: it is ordered by customer id, so a page reads a page.
  const idColumn = filters.tag ? customerTags.customerId : customers.id;
  const conditions: Array<SQL | undefined> = [
    eq(customers.workspaceId, scope.workspaceId),
    isNull(customers.erasedAt),
    isNull(customers.mergedInto),
    sort === "created" ? (page.afterId ? lt(idColumn, page.afterId) : undefined) : page.after ? sortAfter(sort, page.after) : undefined,
    filters.city !== undefined ? eq(customers.city, filters.city) : undefined,
    filters.province !== undefined ? eq(customers.province, filters.province) : undefined,
    filters.ownerUserId !== undefined ? eq(customers.ownerUserId, filters.ownerUserId) : undefined,
    filters.stage !== undefined ? eq(customers.lifecycleStage, filters.stage) : undefined,
    filters.q !== undefined ? searchCondition(scope, filters.q, search, reach.mobileTail) : undefined,
  ];
  if (sort !== "created") {
    // Sorted: the sort's own index walks the workspace in order; a tag is then a check per row.
    const tagged = filters.tag
      ? exists(
          scope.db
            .select({ one: sql`1` })
            .from(customerTags)
            .where(and(eq(customerTags.workspaceId, scope.workspaceId), eq(customerTags.tag, filters.tag), eq(customerTags.customerId, customers.id))),
        )
      : undefined;
    return scope.db
      .select()
      .from(customers)
      .where(and(...conditions, tagged))
      .orderBy(...sortOrder(sort))
      .limit(page.limit + 1);
  }
  if (filters.tag) {
    // CROSS JOIN fixes the loop order in SQLite: without it the planner may walk every customer
    // of the workspace and sort, reading the whole workspace for the first page.
    return scope.db
      .select(getTableColumns(customers))
      .from(customerTags)
      .crossJoin(customers)
      .where(and(eq(customerTags.workspaceId, scope.workspaceId), eq(customerTags.tag, filters.tag), eq(customers.id, customerTags.customerId), ...conditions))
      .orderBy(desc(customerTags.customerId))
      .limit(page.limit + 1);
  }
  return scope.db
    .select()
    .from(customers)
    .where(and(...conditions))
    .orderBy(desc(customers.id))
    .limit(page.limit + 1);
}
