// The customers list (/customers): search by name or any identifier form, filter by stage, tag,
// city and owner, or pick a saved segment (and search inside it); pages with the API's cursor ("Load more").
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api } from "../../api/client";
import { useLocation, useSearch } from "wouter-preact";
import type { Page } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { Button, ButtonLink } from "../../components/button";
import { Card, PageHeader } from "../../components/card";
import { ErrorNotice, Loading, Notice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { CustomerFilterBar } from "./customer-filter-bar";
import { SelectField } from "../../components/field";
import { useFormat } from "../../i18n/format";
import { bulkMessages } from "./bulk-actions.messages";
import { BulkBar, type BulkSelection } from "./bulk-bar";
import { bulkFilter, filtersFromSearch, hasListFilters, listQuery, searchFromFilters, SORTS, type CustomerFilters } from "./customer-filters";
import type { Customer, Segment } from "./customer-types";
import { customersListMessages } from "./customers-list.messages";
import { CustomersTable } from "./customers-table";
import { ExportMenu } from "./export-menu";
import { LoadMore } from "./load-more";
import { useCursorList } from "./use-cursor-list";

const PAGE_SIZE = 25;

const SORT_LABELS = { "": "sortNewest", name: "sortName", lastOrder: "sortLastOrder", totalSpent: "sortTotalSpent", orderCount: "sortOrderCount" } as const;
/** Typing pauses this long before the list follows, so each keystroke is not a request. */
const TYPING_PAUSE_MS = 300;

export default function CustomersPage() {
  const t = useMessages(customersListMessages);
  const b = useMessages(bulkMessages);
  const f = useFormat();
  const { can } = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const applied = useMemo(() => filtersFromSearch(search), [search]);
  // What the inputs show; it reaches the address (and the list) after a pause in typing.
  const [draft, setDraft] = useState<CustomerFilters>(applied);

  // The address changed from outside (the Customers link, Back): the inputs follow it.
  useEffect(() => {
    if (searchFromFilters(draft) !== searchFromFilters(applied)) setDraft(applied);
  }, [search]);

  useEffect(() => {
    const next = searchFromFilters(draft);
    if (next === searchFromFilters(applied)) return;
    const timer = setTimeout(() => navigate(next ? `/customers?${next}` : "/customers", { replace: true }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const segments = useResource<Page<Segment>>("/api/segments", { limit: 100 });
  const segment = segments.data?.items.find((item) => item.id === applied.segment);
  const list = useCursorList<Customer>(
    applied.segment ? `/api/segments/${encodeURIComponent(applied.segment)}/customers` : "/api/customers",
    // Inside a segment the search box still narrows the list; the other filters are the segment's.
    applied.segment ? { q: listQuery(applied).q, limit: PAGE_SIZE } : { ...listQuery(applied), limit: PAGE_SIZE },
  );

  // Ticked rows, or every customer matching the filter or of the segment ("all N matching"); a new filter starts afresh.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState<number | null>(null);
  const [matching, setMatching] = useState<number | null>(null);
  const anchor = useRef(-1);
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(null);
    setMatching(null);
  }, [search]);
  const allOnPage = list.items.length > 0 && list.items.every((item) => selected.has(item.id));
  // "All matching": the list's filters, or the segment's customers narrowed by the search box as the list shows them.
  const searchText = listQuery(applied).q;
  const matchingSelection: BulkSelection = applied.segment ? { segmentId: applied.segment, ...(searchText ? { q: searchText } : {}) } : { filter: bulkFilter(applied) };
  // Once the whole page is ticked and more pages follow, offer the count of all matching.
  useEffect(() => {
    if (!allOnPage || !list.hasMore || matching !== null) return;
    void api.post<{ total: number }>("/api/customers/bulk/count", { selection: matchingSelection }).then((answer) => setMatching(answer.total), () => undefined);
  }, [allOnPage, list.hasMore]);
  const selection: BulkSelection | null = allMatching !== null ? matchingSelection : selected.size ? { ids: [...selected] } : null;
  const [selectAllWord, allSelectedWord] = !applied.segment
    ? (["selectAllMatching", "allMatching"] as const)
    : searchText
      ? (["selectAllInSegmentSearch", "allInSegmentSearch"] as const)
      : (["selectAllInSegment", "allInSegment"] as const);
  // "Select all N" goes away once chosen: the keyboard stays in the selection's line, on "Clear selection".
  const selectedLine = useRef<HTMLParagraphElement>(null);
  const focusClear = useRef(false);
  useEffect(() => {
    if (allMatching === null || !focusClear.current) return;
    focusClear.current = false;
    selectedLine.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, [allMatching]);
  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(null);
  };

  /** Selects and buttons apply at once; text fields wait for the typing pause. */
  const applyNow = (next: CustomerFilters) => {
    setDraft(next);
    const text = searchFromFilters(next);
    navigate(text ? `/customers?${text}` : "/customers", { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            {can("customers:export") && (
              <ExportMenu shown={applied.segment ? { segmentId: applied.segment, q: listQuery(applied).q } : listQuery(applied)} />
            )}
            {can("customers:write") && (
              <ButtonLink href="/customers/new" variant="primary">
                {t("newCustomer")}
              </ButtonLink>
            )}
          </>
        }
      />
      <Card class="customers-filters">
        <CustomerFilterBar
          applied={applied}
          draft={draft}
          onDraft={setDraft}
          onApply={applyNow}
          segments={segments.data?.items ?? []}
          onSegmentSaved={(saved) => {
            void segments.reload();
            applyNow({ ...draft, segment: saved.id });
          }}
        />
        {applied.segment && segment && (
          <Notice tone="info">
            <p class="customers-filters__segment">{t("segmentShown", { name: segment.name })}</p>
          </Notice>
        )}
      </Card>
      <Card class="customers-list">
        {list.error ? (
          <ErrorNotice error={list.error} onRetry={() => void list.reload()} />
        ) : list.loading && list.items.length === 0 ? (
          <Loading />
        ) : (
          <div aria-busy={list.loading || undefined} class={list.loading ? "customers-list__rows customers-list__rows--stale" : "customers-list__rows"}>
            <div class="customers-list__tools">
              <SelectField
                label={b("sortBy")}
                name="sort"
                value={applied.sort}
                onValue={(sort) => applyNow({ ...draft, sort })}
                disabled={Boolean(applied.segment)}
                options={SORTS.map((sort) => ({ value: sort, label: b(SORT_LABELS[sort]) }))}
              />
            </div>
            {selection && can("customers:write") && (
              <div class="customers-list__bulk">
                <p class="customers-list__selected" ref={selectedLine} aria-live="polite">
                  {allMatching !== null ? b(allSelectedWord) : b("selected", { count: f.number(selected.size) })}{" "}
                  {allMatching === null && matching !== null && allOnPage && (
                    <Button
                      small
                      variant="ghost"
                      onClick={() => {
                        focusClear.current = true;
                        setAllMatching(matching);
                      }}
                    >
                      {b(selectAllWord, { count: f.number(matching) })}
                    </Button>
                  )}{" "}
                  <Button small variant="ghost" onClick={clearSelection}>
                    {b("clearSelection")}
                  </Button>
                </p>
                <BulkBar selection={selection} count={allMatching ?? selected.size} onFinished={() => void list.reload()} />
              </div>
            )}
            <CustomersTable
              customers={list.items}
              empty={hasListFilters(applied) || applied.segment ? t("empty") : t("emptyAll")}
              selection={can("customers:write") ? { selected, onChange: (next) => { setAllMatching(null); setSelected(next); }, anchor } : undefined}
            />
            {list.items.length > 0 && <p class="muted small customers-list__count">{t("shown", { count: list.items.length })}</p>}
            <LoadMore list={list} />
          </div>
        )}
      </Card>
    </>
  );
}
