// The customers table: each row links to the customer's page, and the up and down arrows move
// between those links. On a phone only the name, the identifier and the stage stay; the wide
// columns come back on larger screens.
import type { ComponentChildren } from "preact";
import { DataTable, type Column } from "../../components/data-table";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import type { Customer } from "./customer-types";
import { customersListMessages } from "./customers-list.messages";
import { bulkMessages } from "./bulk-actions.messages";
import { LtrText } from "./ltr-text";
import { CustomerCode } from "./customer-code";
import { cityName } from "./cities";
import { moveBetweenRowLinks } from "./row-links-keys";

const onRowLinkKey = moveBetweenRowLinks("a.customer-cell__name");
import { identifierText } from "./identifier-text";
import { StageBadge } from "./stage-badge";
import { EmbeddedText } from "../../components/embedded-text";

/** Which rows are ticked, for the bulk bar; Shift+click ticks the range from the last one clicked. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** The row last clicked (a ref kept by the page across renders). */
  anchor: { current: number };
}

function selectColumn(customers: Customer[], selection: RowSelection, labels: { page: string; row: (name: string) => string }): Column<Customer> {
  const allOnPage = customers.length > 0 && customers.every((customer) => selection.selected.has(customer.id));
  const { anchor } = selection;
  const toggle = (index: number, checked: boolean, range: boolean) => {
    const next = new Set(selection.selected);
    const [from, to] = range && anchor.current >= 0 ? [Math.min(anchor.current, index), Math.max(anchor.current, index)] : [index, index];
    for (let i = from; i <= to; i++) (checked ? next.add(customers[i]!.id) : next.delete(customers[i]!.id));
    anchor.current = index;
    selection.onChange(next);
  };
  return {
    key: "select",
    header: (
      <input
        type="checkbox"
        aria-label={labels.page}
        checked={allOnPage}
        onChange={(event) => {
          const next = new Set(selection.selected);
          for (const customer of customers) ((event.target as HTMLInputElement).checked ? next.add(customer.id) : next.delete(customer.id));
          selection.onChange(next);
        }}
      />
    ),
    cell: (customer) => {
      const index = customers.indexOf(customer);
      return (
        <input
          type="checkbox"
          aria-label={labels.row(customer.displayName || customer.code)}
          checked={selection.selected.has(customer.id)}
          onClick={(event) => toggle(index, (event.target as HTMLInputElement).checked, event.shiftKey)}
        />
      );
    },
  };
}

export function CustomersTable({ customers, empty, selection }: { customers: Customer[]; empty: ComponentChildren; selection?: RowSelection | undefined }) {
  const t = useMessages(customersListMessages);
  const b = useMessages(bulkMessages);
  const f = useFormat();
  const columns: Column<Customer>[] = [
    ...(selection ? [selectColumn(customers, selection, { page: b("selectPage"), row: (name) => b("selectRow", { name }) })] : []),
    {
      key: "name",
      header: t("colName"),
      cell: (customer) => (
        <div class="customer-cell">
          <a href={`/customers/${customer.id}`} class="customer-cell__name" aria-keyshortcuts="ArrowUp ArrowDown">
            <EmbeddedText>{customer.displayName || customer.code}</EmbeddedText>
          </a>
          <span class="customer-cell__code muted small">
            <CustomerCode code={customer.code} />
          </span>
        </div>
      ),
    },
    {
      key: "identifier",
      header: t("colIdentifier"),
      cell: (customer) => {
        const kind = customer.cid !== null ? (customer.identifiers.find((identifier) => identifier.value === customer.cid)?.kind ?? "") : customer.mobile !== null ? "mobile" : "email";
        const value = customer.cid ?? customer.mobile ?? customer.email;
        return <LtrText>{value === null ? null : identifierText(kind, value, f)}</LtrText>;
      },
    },
    { key: "city", header: t("colCity"), cell: (customer) => (customer.city ? <EmbeddedText>{cityName(customer.city, customer.province, f.language)}</EmbeddedText> : "—"), wide: true },
    { key: "stage", header: t("colStage"), cell: (customer) => <StageBadge stage={customer.lifecycleStage} /> },
    {
      key: "tags",
      header: t("colTags"),
      wide: true,
      cell: (customer) =>
        customer.tags.length ? (
          <span class="customer-tags">
            {customer.tags.map((tag) => (
              <span key={tag} class="badge">
                <EmbeddedText>{tag}</EmbeddedText>
              </span>
            ))}
          </span>
        ) : (
          "—"
        ),
    },
    { key: "orders", header: t("colOrders"), cell: (customer) => f.number(customer.stats.orderCount), numeric: true, wide: true },
    { key: "spent", header: t("colSpent"), cell: (customer) => f.money(customer.stats.totalSpent), numeric: true, wide: true },
    { key: "lastOrder", header: t("colLastOrder"), cell: (customer) => f.date(customer.stats.lastOrderAt), wide: true },
  ];
  return (
    <div onKeyDown={onRowLinkKey}>
      <DataTable columns={columns} rows={customers} rowKey={(customer) => customer.id} empty={empty} caption={t("caption")} />
    </div>
  );
}
