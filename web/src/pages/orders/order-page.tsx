// One order: what was bought and for how much, where it ships and its postal tracking code (as
// the shop sent them), its status history, the customer, the timeline entries it caused, and a
// link to the order in the shop. Prints as one clean column.
import { useParams } from "wouter-preact";
import { useResource } from "../../api/use-resource";
import { ButtonLink } from "../../components/button";
import { Card, PageHeader } from "../../components/card";
import { DataTable, type Column } from "../../components/data-table";
import { EmbeddedText } from "../../components/embedded-text";
import { ErrorNotice, Loading, Notice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { customerWords, wordFor } from "../customers/customer-words.messages";
import { LtrText } from "../customers/ltr-text";
import { CustomerCode } from "../customers/customer-code";
import type { OrderDetail } from "./order-types";
import { ordersMessages } from "./orders.messages";

type Item = OrderDetail["items"][number];

export default function OrderPage() {
  const { id } = useParams<{ id: string }>();
  const t = useMessages(ordersMessages);
  const order = useResource<OrderDetail>(`/api/orders/${encodeURIComponent(id)}`);
  if (order.error?.status === 404) return <Notice tone="warning">{t("notFound")}</Notice>;
  if (order.error) return <ErrorNotice error={order.error} onRetry={() => void order.reload()} />;
  if (!order.data) return <Loading />;
  return <OrderView order={order.data} />;
}

function OrderView({ order }: { order: OrderDetail }) {
  const t = useMessages(ordersMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  const money = (amount: number) => f.money(amount, order.currency);
  const columns: Column<Item>[] = [
    { key: "name", header: t("item"), cell: (item) => <EmbeddedText>{item.name}</EmbeddedText> },
    { key: "sku", header: t("sku"), cell: (item) => (item.sku ? <LtrText>{item.sku}</LtrText> : "—"), wide: true },
    { key: "quantity", header: t("quantity"), cell: (item) => f.number(item.quantity), numeric: true },
    { key: "unitPrice", header: t("unitPrice"), cell: (item) => money(item.unitPrice), numeric: true, wide: true },
    { key: "total", header: t("lineTotal"), cell: (item) => money(item.total), numeric: true },
  ];
  const amounts: Array<[string, number]> = [
    [t("subtotal"), order.subtotal],
    [t("discount"), order.discount],
    [t("shipping"), order.shipping],
    [t("tax"), order.tax],
  ];
  return (
    <div class="order-page">
      <PageHeader
        title={
          <>
            {t("orderTitle", { number: "" })}
            <LtrText>{f.digits(order.number)}</LtrText>
          </>
        }
        subtitle={
          <span class="order-page__meta">
            <span class={order.status === "paid" ? "badge badge--success" : "badge"}>{wordFor(w, "order", order.status)}</span> {f.dateTime(order.placedAt)} · {t(`source_${order.source}`)}
          </span>
        }
        actions={
          <div class="row no-print">
            <ButtonLink href="/orders" small>
              {t("back")}
            </ButtonLink>
            {order.shopUrl && (
              <a class="button button--secondary button--small" href={order.shopUrl} target="_blank" rel="noopener noreferrer">
                {t("openInShop")}
              </a>
            )}
          </div>
        }
      />
      <div class="order-page__grid">
        <div class="stack">
          <Card title={t("items")} labelledBy="order-items">
            <DataTable columns={columns} rows={order.items} rowKey={(item) => item.id} empty={t("noItems")} caption={t("items")} />
          </Card>
          <Card title={t("amounts")} labelledBy="order-amounts">
            <dl class="order-amounts">
              {amounts
                .filter(([, amount]) => amount !== 0)
                .map(([label, amount]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{label === t("discount") ? `−${money(amount)}` : money(amount)}</dd>
                  </div>
                ))}
              <div class="order-amounts__total">
                <dt>{t("total")}</dt>
                <dd>{money(order.total)}</dd>
              </div>
              {order.refundedTotal > 0 && (
                <div>
                  <dt>{t("refunded")}</dt>
                  <dd>{money(order.refundedTotal)}</dd>
                </div>
              )}
            </dl>
            {(order.channel || order.note) && (
              <p class="small">
                {order.channel && (
                  <>
                    {t("channel")}: <LtrText>{order.channel}</LtrText>{" "}
                  </>
                )}
                {order.note && (
                  <>
                    {t("note")}: <EmbeddedText>{order.note}</EmbeddedText>
                  </>
                )}
              </p>
            )}
          </Card>
        </div>
        <div class="stack">
          {order.customer && (
            <Card title={t("customer")} labelledBy="order-customer">
              <a href={`/customers/${order.customer.id}`}>
                <EmbeddedText>{order.customer.displayName}</EmbeddedText>
              </a>{" "}
              <span class="muted small">
                <CustomerCode code={order.customer.code} />
              </span>
            </Card>
          )}
          <Shipment order={order} />
          <Card title={t("history")} labelledBy="order-history">
            <ol class="order-history">
              {order.statusHistory.map((entry, index) => (
                <li key={index}>
                  <span class="badge">{wordFor(w, "order", entry.status)}</span> <span class="muted small">{f.dateTime(entry.at)}</span>
                </li>
              ))}
            </ol>
            {order.timeline.length > 0 && (
              <>
                <h3 class="order-page__subheading">{t("caused")}</h3>
                <ul class="order-history">
                  {order.timeline.map((entry) => (
                    <li key={entry.id}>
                      {t("stageChange", { from: wordFor(w, "stage", entry.from), to: wordFor(w, "stage", entry.to) })} <span class="muted small">{f.dateTime(entry.at)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

function Shipment({ order }: { order: OrderDetail }) {
  const t = useMessages(ordersMessages);
  const f = useFormat();
  const address = order.shippingAddress;
  return (
    <Card title={t("shipment")} labelledBy="order-shipment">
      <dl class="order-shipment">
        <div>
          <dt>{t("trackingCode")}</dt>
          <dd>
            {order.trackingCode ? (
              <>
                <LtrText>{f.digits(order.trackingCode)}</LtrText>
                {order.carrier && (
                  <span class="muted small">
                    {" "}
                    · <EmbeddedText>{order.carrier}</EmbeddedText>
                  </span>
                )}
                {order.trackingUrl && (
                  <>
                    {" "}
                    <a href={order.trackingUrl} target="_blank" rel="noopener noreferrer" data-native="" class="no-print">
                      {t("track")}
                    </a>
                  </>
                )}
              </>
            ) : (
              <span class="muted">{t("noTracking")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("address")}</dt>
          <dd>
            {address ? (
              <address class="order-address">
                {[address.name, address.line1, address.line2, [address.city, address.province].filter(Boolean).join("، ")].filter(Boolean).map((line) => (
                  <span key={line}>
                    <EmbeddedText>{line!}</EmbeddedText>
                  </span>
                ))}
                {address.postalCode && (
                  <span>
                    {t("postalCode")}: <LtrText>{f.digits(address.postalCode)}</LtrText>
                  </span>
                )}
                {address.phone && (
                  <span>
                    {t("phone")}: <LtrText>{f.digits(address.phone)}</LtrText>
                  </span>
                )}
                {address.masked && <span class="muted small">{t("maskedAddress")}</span>}
              </address>
            ) : (
              <span class="muted">{t("noAddress")}</span>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
