// The customer's buying in figures (kept current by the API on every order) and, for those who
// may read orders, the latest few.
import type { Page } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { Card } from "../../components/card";
import { ErrorNotice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import type { Customer, Order } from "./customer-types";
import { customerPageMessages } from "./customer-page.messages";
import { customerWords, wordFor } from "./customer-words.messages";

const RECENT = 5;

export function CustomerOrders({ customer }: { customer: Customer }) {
  const t = useMessages(customerPageMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  const { can } = useSession();
  const recent = useResource<Page<Order>>(can("orders:read") && customer.stats.orderCount > 0 ? "/api/orders" : null, { customerId: customer.id, limit: RECENT });
  const { stats } = customer;
  return (
    <Card title={t("orders")} labelledBy="orders-title">
      {stats.orderCount === 0 ? (
        <p class="muted">{t("noOrders")}</p>
      ) : (
        <>
          <dl class="order-figures">
            <div class="kpi">
              <dt class="kpi__label">{t("orderCount")}</dt>
              <dd class="kpi__value">{f.number(stats.orderCount)}</dd>
            </div>
            <div class="kpi">
              <dt class="kpi__label">{t("totalSpent")}</dt>
              <dd class="kpi__value">{f.money(stats.totalSpent)}</dd>
            </div>
            <div class="kpi">
              <dt class="kpi__label">{t("averageOrder")}</dt>
              <dd class="kpi__value">{f.money(stats.averageOrderValue)}</dd>
            </div>
          </dl>
          <p class="muted small">
            {t("firstOrder")}: {f.date(stats.firstOrderAt)} · {t("lastOrder")}: {f.date(stats.lastOrderAt)}
          </p>
          <ErrorNotice error={recent.error} />
          {recent.data && recent.data.items.length > 0 && (
            <>
              <h3 class="order-figures__heading">{t("recentOrders")}</h3>
              <ul class="recent-orders">
                {recent.data.items.map((order) => (
                  <li key={order.id}>
                    <span class="recent-orders__number">
                      <a href={`/orders/${order.id}`}>
                        <bdi dir="ltr" class="ltr-value">
                          {f.digits(order.number)}
                        </bdi>
                      </a>
                      {/* Paid is the usual state; only the others need saying. */}
                      {order.status !== "paid" && <span class="badge badge--warning">{wordFor(w, "order", order.status)}</span>}
                    </span>
                    <span class="muted small recent-orders__date">{f.date(order.placedAt)}</span>
                    <span class="recent-orders__total">{f.money(order.total, order.currency)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Card>
  );
}
