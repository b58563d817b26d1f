// The Orders page: every order of the workspace newest first, filtered by status, where it came
// from, the period it was placed in and its total, read page by page with the API's keyset cursor.
// Each row opens the order's own page.
import { useState } from "preact/hooks";
import { Button } from "../../components/button";
import { PageHeader } from "../../components/card";
import { DataTable, type Column } from "../../components/data-table";
import { DateField } from "../../components/date-field";
import { EmbeddedText } from "../../components/embedded-text";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice, Loading } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { customerWords, wordFor } from "../customers/customer-words.messages";
import { LoadMore } from "../customers/load-more";
import { LtrText } from "../customers/ltr-text";
import { useCursorList } from "../customers/use-cursor-list";
import { readNumber } from "../settings/number-text";
import type { Order } from "./order-types";
import { ordersMessages } from "./orders.messages";

const STATUSES = ["pending", "paid", "refunded", "cancelled"] as const;
const SOURCES = ["woocommerce", "shopify", "generic", "manual", "import"] as const;

interface Filters {
  status: string;
  source: string;
  from: string;
  to: string;
  minTotal: string;
  maxTotal: string;
}
const NO_FILTERS: Filters = { status: "", source: "", from: "", to: "", minTotal: "", maxTotal: "" };

/** The API query of the filters: empty ones left out, amounts read in either script's digits. */
function queryOf(filters: Filters): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const key of ["status", "source", "from", "to"] as const) if (filters[key]) query[key] = filters[key];
  for (const key of ["minTotal", "maxTotal"] as const) {
    const value = readNumber(filters[key]);
    if (value !== undefined) query[key] = value;
  }
  return query;
}

export default function OrdersPage() {
  const t = useMessages(ordersMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const set = (key: keyof Filters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const list = useCursorList<Order>("/api/orders", queryOf(filters));
  const filtered = Object.values(filters).some(Boolean);
  const queryError = (field: string) => list.error?.problem.errors?.find((error) => error.path === `query.${field}`)?.message;

  const columns: Column<Order>[] = [
    {
      key: "number",
      header: t("number"),
      cell: (order) => (
        <a href={`/orders/${order.id}`} class="order-link">
          <LtrText>{f.digits(order.number)}</LtrText>
        </a>
      ),
    },
    { key: "customer", header: t("customer"), cell: (order) => (order.customer ? <EmbeddedText>{order.customer.displayName}</EmbeddedText> : "—") },
    { key: "placedAt", header: t("placedAt"), cell: (order) => f.date(order.placedAt), wide: true },
    { key: "source", header: t("source"), cell: (order) => t(`source_${order.source}`), wide: true },
    { key: "status", header: t("status"), cell: (order) => <span class={order.status === "paid" ? "badge badge--success" : "badge"}>{wordFor(w, "order", order.status)}</span> },
    { key: "total", header: t("total"), cell: (order) => f.money(order.total, order.currency), numeric: true },
  ];

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form class="card orders-filters" aria-label={t("filters")} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t("status")}
          name="status"
          value={filters.status}
          onValue={set("status")}
          options={[{ value: "", label: t("anyStatus") }, ...STATUSES.map((status) => ({ value: status, label: wordFor(w, "order", status) }))]}
        />
        <SelectField
          label={t("source")}
          name="source"
          value={filters.source}
          onValue={set("source")}
          options={[{ value: "", label: t("anySource") }, ...SOURCES.map((source) => ({ value: source, label: t(`source_${source}`) }))]}
        />
        <DateField label={t("from")} name="from" value={filters.from} onValue={set("from")} />
        <DateField label={t("to")} name="to" value={filters.to} onValue={set("to")} />
        <TextField label={t("minTotal")} name="minTotal" inputMode="numeric" value={filters.minTotal} onValue={set("minTotal")} error={queryError("minTotal")} />
        <TextField label={t("maxTotal")} name="maxTotal" inputMode="numeric" value={filters.maxTotal} onValue={set("maxTotal")} error={queryError("maxTotal")} />
        {filtered && (
          <div class="orders-filters__clear">
            <Button small onClick={() => setFilters(NO_FILTERS)}>
              {t("clear")}
            </Button>
          </div>
        )}
      </form>
      {list.error && !list.error.problem.errors?.length ? (
        <ErrorNotice error={list.error} onRetry={() => void list.reload()} />
      ) : list.loading ? (
        <Loading />
      ) : (
        <div class="card orders-list">
          <DataTable columns={columns} rows={list.items} rowKey={(order) => order.id} empty={filtered ? t("empty") : t("none")} caption={t("title")} />
          <LoadMore list={list} />
        </div>
      )}
    </>
  );
}
