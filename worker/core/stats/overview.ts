// The dashboard's KPIs, read from the rollups only: the stage counts (six rows at most), the
// buyer totals (one row) and the daily rollups from the period's first day on (one row per day
// on which something happened). No query touches orders or customers, so the rows read depend on
// the length of the period, never on the size of the workspace.
import { and, eq, gte, lte, sql, type Column } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { buyerTotals, currencyDayRollups, dailyRollups, stageCounts } from "../data/schema";
import { LIFECYCLE_STAGES, type LifecycleStage } from "../customers/customers.schema";
import { NET_OF_STAGE } from "./rollups";

export interface Period {
  /** First and last local day of the period (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
}

/** Stages of customers who have bought and have not lapsed: the base churn is measured against. */
export const RETAINED_STAGES = ["new", "active", "won_back", "at_risk"] as const satisfies readonly LifecycleStage[];
/** Stages counted as active customers. */
export const ACTIVE_STAGES = ["new", "active", "won_back"] as const satisfies readonly LifecycleStage[];

const inPeriod = (period: Period, column: Column) =>
  sql<number>`coalesce(sum(case when ${dailyRollups.day} <= ${period.to} then ${column} else 0 end), 0)`;

/** The three reads of the overview, unexecuted, so tests can measure and EXPLAIN them. */
export function overviewQueries(scope: WorkspaceScope, period: Period) {
  const retainedNet = sql.join(
    RETAINED_STAGES.map((stage) => dailyRollups[NET_OF_STAGE[stage]]),
    sql` + `,
  );
  return {
    stages: scope.db.select({ stage: stageCounts.stage, count: stageCounts.count }).from(stageCounts).where(eq(stageCounts.workspaceId, scope.workspaceId)),
    buyers: scope.db.select().from(buyerTotals).where(eq(buyerTotals.workspaceId, scope.workspaceId)),
    days: scope.db
      .select({
        newCustomers: inPeriod(period, dailyRollups.newCustomers),
        orders: inPeriod(period, dailyRollups.orders),
        revenue: inPeriod(period, dailyRollups.revenue),
        refunds: inPeriod(period, dailyRollups.refunds),
        becameLapsed: inPeriod(period, dailyRollups.becameLapsed),
        wonBack: inPeriod(period, dailyRollups.wonBack),
        // Every day from the period's start on (today included): what the retained base has
        // gained since, to be taken off its count now.
        retainedNetSinceStart: sql<number>`coalesce(sum(${retainedNet}), 0)`,
      })
      .from(dailyRollups)
      .where(and(eq(dailyRollups.workspaceId, scope.workspaceId), gte(dailyRollups.day, period.from))),
    otherCurrencies: scope.db
      .select({
        currency: currencyDayRollups.currency,
        orders: sql<number>`sum(${currencyDayRollups.orders})`,
        revenue: sql<number>`sum(${currencyDayRollups.revenue})`,
        refunds: sql<number>`sum(${currencyDayRollups.refunds})`,
      })
      .from(currencyDayRollups)
      .where(and(eq(currencyDayRollups.workspaceId, scope.workspaceId), gte(currencyDayRollups.day, period.from), lte(currencyDayRollups.day, period.to)))
      .groupBy(currencyDayRollups.currency)
      .orderBy(currencyDayRollups.currency),
  };
}

export interface Overview {
  period: Period;
  customers: { total: number; newInPeriod: number; active: number; atRisk: number; lapsed: number; byStage: Record<LifecycleStage, number> };
  churnRate: number | null;
  repeatPurchaseRate: number | null;
  orders: number;
  revenue: number;
  refunds: number;
  averageOrderValue: number | null;
  revenuePerCustomer: number | null;
  averageTenureDays: number | null;
  wonBack: number;
  becameLapsed: number;
  otherCurrencies: Array<{ currency: string; orders: number; revenue: number; refunds: number }>;
}

const ratio = (part: number, whole: number, digits = 4) => (whole > 0 ? Number((part / whole).toFixed(digits)) : null);

export async function readOverview(scope: WorkspaceScope, period: Period, at: number): Promise<Overview> {
  const queries = overviewQueries(scope, period);
  const [stageRows, buyerRows, [days], currencyRows] = await Promise.all([queries.stages, queries.buyers, queries.days, queries.otherCurrencies]);
  const byStage = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, 0])) as Record<LifecycleStage, number>;
  for (const row of stageRows) byStage[row.stage] = row.count;
  const sum = (stages: readonly LifecycleStage[]) => stages.reduce((total, stage) => total + byStage[stage], 0);
  const buyers = buyerRows[0] ?? { buyers: 0, repeatBuyers: 0, firstOrderDaySum: 0 };
  const d = days ?? { newCustomers: 0, orders: 0, revenue: 0, refunds: 0, becameLapsed: 0, wonBack: 0, retainedNetSinceStart: 0 };
  const retainedAtStart = sum(RETAINED_STAGES) - Number(d.retainedNetSinceStart);
  const today = Math.floor(at / 86_400_000);
  return {
    period,
    customers: { total: sum(LIFECYCLE_STAGES), newInPeriod: Number(d.newCustomers), active: sum(ACTIVE_STAGES), atRisk: byStage.at_risk, lapsed: byStage.lapsed, byStage },
    churnRate: ratio(Number(d.becameLapsed), retainedAtStart),
    repeatPurchaseRate: ratio(buyers.repeatBuyers, buyers.buyers),
    orders: Number(d.orders),
    revenue: Number(d.revenue),
    refunds: Number(d.refunds),
    averageOrderValue: Number(d.orders) > 0 ? Math.round(Number(d.revenue) / Number(d.orders)) : null,
    revenuePerCustomer: buyers.buyers > 0 ? Math.round(Number(d.revenue) / buyers.buyers) : null,
    averageTenureDays: buyers.buyers > 0 ? Number((today - buyers.firstOrderDaySum / buyers.buyers).toFixed(1)) : null,
    wonBack: Number(d.wonBack),
    becameLapsed: Number(d.becameLapsed),
    otherCurrencies: currencyRows
      .map((row) => ({ currency: row.currency, orders: Number(row.orders), revenue: Number(row.revenue), refunds: Number(row.refunds) }))
      .filter((row) => row.orders !== 0 || row.revenue !== 0 || row.refunds !== 0),
  };
}
