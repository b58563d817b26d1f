// Two charts from the daily series: new customers per week, and revenue per week or per month
// (the workspace's weeks and Jalali months, whatever the reader's language).
import { useState } from "preact/hooks";
import { Card } from "../../components/card";
import { Chart } from "../../components/chart";
import { useFormat } from "../../i18n/format";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { bucketLabels, byMonth, byWeek, weekStartDay, type Bucket } from "./buckets";
import { dashboardMessages } from "./dashboard.messages";
import type { DayFigures } from "./stats-api";

const WEEKS = 12;
const sum = (buckets: Bucket[]) => buckets.reduce((total, bucket) => total + bucket.value, 0);
const MONTHS = 12;

export function NewCustomersChart({ days }: { days: DayFigures[] }) {
  const t = useMessages(dashboardMessages);
  const { language } = useLanguage();
  const f = useFormat();
  const labels = bucketLabels(language);
  const weekStart = useSession().me?.workspace.weekStart ?? "saturday";
  const weeks = byWeek(
    days.map((d) => ({ day: d.day, value: d.newCustomers })),
    weekStartDay(weekStart),
  ).slice(-WEEKS);
  const points = weeks.map((week) => ({ label: labels.week(week.start), value: week.value }));
  return (
    <Card title={t("newPerWeek")} labelledBy="chart-new-customers" class="chart-card">
      <Chart kind="bar" title={t("newPerWeek")} series={[{ name: t("newCustomers"), points }]} format={(value) => f.number(value)} />
      <p class="muted small chart-card__hint">
        {t("newPerWeekHint", { total: f.number(sum(weeks)), day: t(`weekStart_${weekStart}`) })}
      </p>
    </Card>
  );
}

export function RevenueChart({ days, currency }: { days: DayFigures[]; currency: string }) {
  const t = useMessages(dashboardMessages);
  const { language } = useLanguage();
  const f = useFormat();
  const [interval, setChartInterval] = useState<"week" | "month">("month");
  const labels = bucketLabels(language);
  const weekStart = useSession().me?.workspace.weekStart ?? "saturday";
  const revenue = days.map((d) => ({ day: d.day, value: d.revenue }));
  const buckets = interval === "week" ? byWeek(revenue, weekStartDay(weekStart)).slice(-WEEKS) : byMonth(revenue).slice(-MONTHS);
  const points = buckets.map((bucket) => ({ label: interval === "week" ? labels.week(bucket.start) : labels.month(bucket.start), value: bucket.value }));
  const title = `${t("revenueChart")} (${t(interval === "week" ? "revenueWeekly" : "revenueMonthly")})`;
  return (
    <Card
      title={t("revenueChart")}
      labelledBy="chart-revenue"
      class="chart-card"
      actions={
        <div class="segmented" role="group" aria-label={t("revenueInterval")}>
          {(["week", "month"] as const).map((option) => (
            <button key={option} type="button" class="segmented__option" aria-pressed={interval === option} onClick={() => setChartInterval(option)}>
              {t(option === "week" ? "revenueWeekly" : "revenueMonthly")}
            </button>
          ))}
        </div>
      }
    >
      <Chart kind="bar" title={title} series={[{ name: t("revenueChart"), points }]} format={(value) => f.money(value, currency)} />
      <p class="muted small chart-card__hint">{t(interval === "week" ? "revenueWeeklyHint" : "revenueMonthlyHint", { total: f.money(sum(buckets), currency) })}</p>
    </Card>
  );
}
