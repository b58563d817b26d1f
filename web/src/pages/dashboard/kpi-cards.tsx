// The overview's figures as a grid of cards, each a value with what it means underneath.
import type { ComponentChildren } from "preact";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { dashboardMessages } from "./dashboard.messages";
import type { Overview } from "./stats-api";

function Kpi({ label, value, hint }: { label: string; value: ComponentChildren; hint?: ComponentChildren }) {
  return (
    <li class="card kpi kpi-card">
      <span class="kpi__label">{label}</span>
      <span class="kpi__value">{value}</span>
      {hint && <span class="kpi__hint">{hint}</span>}
    </li>
  );
}

export function KpiCards({ overview }: { overview: Overview }) {
  const t = useMessages(dashboardMessages);
  const f = useFormat();
  const { customers } = overview;
  // The API's rates are ratios; the formatter's percent takes 0–100.
  const rate = (ratio: number | null) => (ratio === null ? "—" : f.percent(ratio * 100));
  return (
    <ul class="grid grid--kpi kpi-grid" aria-label={t("kpis")}>
      <Kpi label={t("revenue")} value={f.money(overview.revenue, overview.currency)} hint={t("revenueHint", { orders: overview.orders })} />
      <Kpi label={t("averageOrderValue")} value={f.money(overview.averageOrderValue, overview.currency)} />
      <Kpi label={t("newCustomers")} value={f.number(customers.newInPeriod)} hint={t("newCustomersHint", { total: customers.total })} />
      <Kpi label={t("activeCustomers")} value={f.number(customers.active)} hint={t("activeHint", { atRisk: customers.atRisk, lapsed: customers.lapsed })} />
      <Kpi label={t("repeatRate")} value={rate(overview.repeatPurchaseRate)} hint={t("repeatHint")} />
      <Kpi label={t("churnRate")} value={rate(overview.churnRate)} hint={`${t("churnHint", { count: overview.becameLapsed })} · ${t("wonBack", { count: overview.wonBack })}`} />
      <Kpi label={t("revenuePerCustomer")} value={f.money(overview.revenuePerCustomer, overview.currency)} />
      <Kpi label={t("refunds")} value={f.money(overview.refunds, overview.currency)} />
      <Kpi
        label={t("tenure")}
        value={overview.averageTenureDays === null ? "—" : t("tenureValue", { days: f.number(overview.averageTenureDays, { maximumFractionDigits: 0 }) })}
        hint={t("tenureHint")}
      />
    </ul>
  );
}
