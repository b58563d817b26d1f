// The dashboard: the overview's KPIs for a chosen period, new customers and revenue over time,
// customers by lifecycle stage, and the cards plugins add. A workspace without customers gets a
// welcome with where to start instead of empty charts.
import { useState } from "preact/hooks";
import { addDays, localDay } from "../../../../worker/core/stats/local-day";
import { useResource } from "../../api/use-resource";
import { ButtonLink } from "../../components/button";
import { PageHeader } from "../../components/card";
import { SelectField } from "../../components/field";
import { ErrorNotice, Loading, Notice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { dashboardMessages } from "./dashboard.messages";
import { KpiCards } from "./kpi-cards";
import { PluginCards } from "./plugin-cards";
import { StageDistribution } from "./stage-distribution";
import type { Daily, Overview } from "./stats-api";
import { NewCustomersChart, RevenueChart } from "./trend-charts";
import { Welcome } from "./welcome";
import { FirstRunChecklist } from "./first-run-checklist";

const PERIODS = { "7": "last7", "30": "last30", "90": "last90", "365": "last365" } as const;
type PeriodDays = keyof typeof PERIODS;
const STORED_PERIOD = "edge-crm.dashboard.period";

/** The charts always cover a year (at most 366 rollup rows), whatever period the KPIs show. */
const SERIES_DAYS = 365;

export default function DashboardPage() {
  const t = useMessages(dashboardMessages);
  const { me, can } = useSession();
  const [periodDays, setPeriodDays] = useState<PeriodDays>(() => {
    const stored = localStorage.getItem(STORED_PERIOD);
    return stored && stored in PERIODS ? (stored as PeriodDays) : "30";
  });
  const allowed = can("customers:read");
  const today = localDay(Date.now(), me?.workspace.timeZone);
  const overview = useResource<Overview>(allowed ? "/api/stats/overview" : null, { from: addDays(today, 1 - Number(periodDays)), to: today });
  const daily = useResource<Daily>(allowed ? "/api/stats/daily" : null, { from: addDays(today, 1 - SERIES_DAYS), to: today });

  const choosePeriod = (value: string) => {
    setPeriodDays(value as PeriodDays);
    localStorage.setItem(STORED_PERIOD, value);
  };

  if (!allowed) {
    return (
      <>
        <PageHeader title={t("title")} />
        <Notice>
          <p>{t("noAccess")}</p>
          {can("tasks:read") && <ButtonLink href="/tasks">{t("goTasks")}</ButtonLink>}
        </Notice>
      </>
    );
  }

  const brandNew = overview.data?.customers.total === 0;
  return (
    <div class="dashboard">
      <PageHeader
        title={t("title")}
        subtitle={overview.data && !brandNew && <PeriodRange from={overview.data.period.from} to={overview.data.period.to} />}
        actions={
          !brandNew && (
            <div class="dashboard__period">
              <SelectField
                label={t("periodLabel")}
                value={periodDays}
                onValue={choosePeriod}
                options={Object.entries(PERIODS).map(([value, key]) => ({ value, label: t(key) }))}
              />
            </div>
          )
        }
      />
      {overview.error ? (
        <ErrorNotice error={overview.error} onRetry={() => void overview.reload()} />
      ) : !overview.data ? (
        <Loading />
      ) : brandNew ? (
        <>
          <Welcome />
          <FirstRunChecklist />
          <div class="grid grid--2">
            <PluginCards />
          </div>
        </>
      ) : (
        <div class="stack">
          <FirstRunChecklist />
          <div aria-busy={overview.loading || undefined} class={overview.loading ? "dashboard__refreshing" : undefined}>
            <KpiCards overview={overview.data} />
          </div>
          {daily.error ? (
            <ErrorNotice error={daily.error} onRetry={() => void daily.reload()} />
          ) : !daily.data ? (
            <Loading />
          ) : (
            <div class="grid grid--2">
              <NewCustomersChart days={daily.data.days} />
              <RevenueChart days={daily.data.days} currency={daily.data.currency} />
            </div>
          )}
          <div class="grid grid--2">
            <StageDistribution overview={overview.data} />
            <PluginCards />
          </div>
        </div>
      )}
    </div>
  );
}

/** "from 6 Aban to 5 Azar 1405": the period's local days in the reader's calendar. */
function PeriodRange({ from, to }: { from: string; to: string }) {
  const t = useMessages(dashboardMessages);
  const f = useFormat();
  // Local days are calendar dates: noon UTC falls on the same date in any zone within ±12 hours.
  const date = (day: string) => f.date(Date.parse(`${day}T12:00:00Z`));
  return <>{t("periodRange", { from: date(from), to: date(to) })}</>;
}
