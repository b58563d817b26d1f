// The overview's figures as a grid of cards, each a value with what it means underneath and its
// formula, with the period's own numbers, shown on hover or keyboard focus (and read as the card's
// description by a screen reader). Every figure is of the selected period, so none contradicts another.
import type { ComponentChildren } from "preact";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { dashboardMessages } from "./dashboard.messages";
import type { Overview } from "./stats-api";

function Kpi({ id, label, value, hint, formula }: { id: string; label: string; value: ComponentChildren; hint?: ComponentChildren; formula: string }) {
  return (
    // Focusable so a keyboard user reaches the formula as a mouse user does by hovering.
    <li class="card kpi kpi-card" tabIndex={0} aria-labelledby={`kpi-${id}`} aria-describedby={`kpi-${id}-formula`}>
      <span class="kpi__label" id={`kpi-${id}`}>
        {label}
      </span>
      <span class="kpi__value">{value}</span>
      {hint && <span class="kpi__hint">{hint}</span>}
      <span class="kpi__formula" id={`kpi-${id}-formula`} role="tooltip">
        {formula}
      </span>
    </li>
  );
}

export function KpiCards({ overview }: { overview: Overview }) {
  const t = useMessages(dashboardMessages);
  const f = useFormat();
  const { customers, currency } = overview;
  const n = (value: number) => f.number(value);
  const money = (value: number) => f.money(value, currency);
  // The API's rates are ratios; the formatter's percent takes 0–100.
  const rate = (ratio: number | null) => (ratio === null ? "—" : f.percent(ratio * 100));
  return (
    <ul class="grid grid--kpi kpi-grid" aria-label={t("kpis")}>
      <Kpi
        id="revenue"
        label={t("revenue")}
        value={money(overview.revenue)}
        hint={t("revenueHint", { orders: n(overview.orders) })}
        formula={t("revenueFormula")}
      />
      <Kpi
        id="aov"
        label={t("averageOrderValue")}
        value={f.money(overview.averageOrderValue, currency)}
        formula={t("aovFormula", { revenue: money(overview.revenue), orders: n(overview.orders) })}
      />
      <Kpi
        id="per-buyer"
        label={t("revenuePerCustomer")}
        value={f.money(overview.revenuePerCustomer, currency)}
        hint={t("buyersHint", { buyers: n(overview.buyers) })}
        formula={t("perBuyerFormula", { revenue: money(overview.revenue), buyers: n(overview.buyers) })}
      />
      <Kpi
        id="repeat"
        label={t("repeatRate")}
        value={rate(overview.repeatPurchaseRate)}
        hint={t("repeatHint", { count: n(overview.repeatBuyers) })}
        formula={t("repeatFormula", { repeat: n(overview.repeatBuyers), buyers: n(overview.buyers) })}
      />
      <Kpi
        id="new"
        label={t("newCustomers")}
        value={n(customers.newInPeriod)}
        hint={t("newCustomersHint", { total: n(customers.total) })}
        formula={t("newFormula")}
      />
      <Kpi
        id="active"
        label={t("activeCustomers")}
        value={n(customers.active)}
        hint={t("activeHint", { atRisk: n(customers.atRisk), lapsed: n(customers.lapsed) })}
        formula={t("activeFormula")}
      />
      <Kpi
        id="churn"
        label={t("churnRate")}
        value={rate(overview.churnRate)}
        hint={`${t("churnHint", { count: n(overview.becameLapsed) })} · ${t("wonBack", { count: n(overview.wonBack) })}`}
        formula={t("churnFormula", { lapsed: n(overview.becameLapsed), base: n(overview.churnBase) })}
      />
      <Kpi
        id="refunds"
        label={t("refunds")}
        value={money(overview.refunds)}
        formula={t("refundsFormula")}
      />
      <Kpi
        id="orders-per-buyer"
        label={t("ordersPerBuyer")}
        value={f.number(overview.ordersPerBuyer, { maximumFractionDigits: 2 })}
        formula={t("ordersPerBuyerFormula", { orders: n(overview.orders), buyers: n(overview.buyers) })}
      />
    </ul>
  );
}
