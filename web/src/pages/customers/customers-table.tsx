// The customers table: each row links to the customer's page. On a phone only the name, the
// identifier and the stage stay; the wide columns come back on larger screens.
import type { ComponentChildren } from "preact";
import { DataTable, type Column } from "../../components/data-table";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import type { Customer } from "./customer-types";
import { customersListMessages } from "./customers-list.messages";
import { LtrText } from "./ltr-text";
import { identifierText } from "./identifier-text";
import { StageBadge } from "./stage-badge";
import { EmbeddedText } from "../../components/embedded-text";

export function CustomersTable({ customers, empty }: { customers: Customer[]; empty: ComponentChildren }) {
  const t = useMessages(customersListMessages);
  const f = useFormat();
  const columns: Column<Customer>[] = [
    {
      key: "name",
      header: t("colName"),
      cell: (customer) => (
        <div class="customer-cell">
          <a href={`/customers/${customer.id}`} class="customer-cell__name">
            <EmbeddedText>{customer.displayName || customer.code}</EmbeddedText>
          </a>
          <span class="customer-cell__code muted small">
            <LtrText>{customer.code}</LtrText>
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
    { key: "city", header: t("colCity"), cell: (customer) => (customer.city ? <EmbeddedText>{customer.city}</EmbeddedText> : "—"), wide: true },
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
  return <DataTable columns={columns} rows={customers} rowKey={(customer) => customer.id} empty={empty} caption={t("caption")} />;
}
