// The dashboard's KPIs, read from the rollups only: the stage counts (six rows at most), the
// daily rollups from the period's first day on (one row per day on which something happened) and
// the period's buyer days (one row per customer and day they bought). No query touches orders or
// customers, so the rows read depend on the period's activity, never on the workspace's history.
import { and, between, eq, gte, lte, sql, type Column, type SQL } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { buyerDays, currencyDayRollups, dailyRollups, stageCounts } from "../data/schema";
import { LIFECYCLE_STAGES, type LifecycleStage } from "../customers/customers.schema";
import { NET_OF_STAGE, RETAINED_STAGES } from "./rollups";

export interface Period {
  /** First and last local day of the period (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
}

/** Stages counted as active customers. */
export const ACTIVE_STAGES = ["new", "active", "won_back"] as const satisfies readonly LifecycleStage[];

const inPeriod = (period: Period, column: Column) =>
  sql<number>`coalesce(sum(case when ${dailyRollups.day} <= ${period.to} then ${column} else 0 end), 0)`;
const afterPeriod = (period: Period, column: Column) =>
  sql<number>`coalesce(sum(case when ${dailyRollups.day} > ${period.to} then ${column} else 0 end), 0)`;

/** SQLite's name for buyer_days' primary-key index (the table's first and only PRIMARY KEY constraint). */
export const BUYER_DAYS_PRIMARY_KEY = "sqlite_autoindex_buyer_days_1";

/** The reads of the overview, unexecuted, so tests can measure and EXPLAIN them. */
export function overviewQueries(scope: WorkspaceScope, period: Period) {
  const retainedNet = sql.join(
    RETAINED_STAGES.map((stage) => dailyRollups[NET_OF_STAGE[stage]]),
    sql` + `,
  );
  const periodBuyers = scope.db
    .select({ customerId: buyerDays.customerId, orders: sql<number>`sum(${buyerDays.orders})`.as("period_orders") })
    .from(buyerDays)
    .where(and(eq(buyerDays.workspaceId, scope.workspaceId), between(buyerDays.day, period.from, period.to)))
    .groupBy(buyerDays.customerId)
    .having(sql`sum(${buyerDays.orders}) > 0`)
    .as("period_buyers");
  // A buyer of the period who had bought before it: one probe of the primary key (workspace,
  // customer, day), named because SQLite's planner, left to itself, prefers the covering by-day
  // index and reads every earlier day of the workspace for each buyer (minutes at 100,000 customers).
  const boughtBefore = sql`exists (select 1 from ${buyerDays} as earlier indexed by ${sql.raw(BUYER_DAYS_PRIMARY_KEY)} where earlier.workspace_id = ${scope.workspaceId}
    and earlier.customer_id = ${periodBuyers.customerId} and earlier.day < ${period.from} and earlier.orders > 0)`;
  return {
    stages: scope.db.select({ stage: stageCounts.stage, count: stageCounts.count }).from(stageCounts).where(eq(stageCounts.workspaceId, scope.workspaceId)),
    buyers: scope.db
      .select({
        buyers: sql<number>`count(*)`,
        repeatBuyers: sql<number>`coalesce(sum(case when ${periodBuyers.orders} >= 2 or ${boughtBefore} then 1 else 0 end), 0)`,
      })
      .from(periodBuyers),
    days: scope.db
      .select({
        newCustomers: inPeriod(period, dailyRollups.newCustomers),
        orders: inPeriod(period, dailyRollups.orders),
        revenue: inPeriod(period, dailyRollups.revenue),
        refunds: inPeriod(period, dailyRollups.refunds),
        becameLapsed: inPeriod(period, dailyRollups.becameLapsed),
        wonBack: inPeriod(period, dailyRollups.wonBack),
        joinedRetained: inPeriod(period, dailyRollups.joinedRetained),
        // Every day from the period's start on (today included): what the retained base has
        // gained since, to be taken off its count now.
        retainedNetSinceStart: sql<number>`coalesce(sum(${retainedNet}), 0)`,
        // The days after the period: what each stage has gained since its end.
        ...Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, afterPeriod(period, dailyRollups[NET_OF_STAGE[stage]])])),
      } as Record<string, SQL<number>>)
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
  churnBase: number;
  repeatPurchaseRate: number | null;
  orders: number;
  revenue: number;
  refunds: number;
  buyers: number;
  repeatBuyers: number;
  averageOrderValue: number | null;
  revenuePerCustomer: number | null;
  ordersPerBuyer: number | null;
  wonBack: number;
  becameLapsed: number;
  otherCurrencies: Array<{ currency: string; orders: number; revenue: number; refunds: number }>;
}

const ratio = (part: number, whole: number, digits = 4) => (whole > 0 ? Number((part / whole).toFixed(digits)) : null);

/**
 * Every figure belongs to the period: counts of customers are as they stood at its end, and every
 * ratio divides two figures of the same period (its revenue by its own buyers, never by all buyers).
 */
export async function readOverview(scope: WorkspaceScope, period: Period): Promise<Overview> {
  const queries = overviewQueries(scope, period);
  const [stageRows, [buyerRow], [dayRow], currencyRows] = await Promise.all([queries.stages, queries.buyers, queries.days, queries.otherCurrencies]);
  const d = (name: string) => Number(dayRow?.[name] ?? 0);
  const now = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, 0])) as Record<LifecycleStage, number>;
  for (const row of stageRows) now[row.stage] = row.count;
  // A stage's count at the period's end: its count now less what it gained after the period.
  const byStage = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, now[stage] - d(stage)])) as Record<LifecycleStage, number>;
  const sum = (counts: Record<LifecycleStage, number>, stages: readonly LifecycleStage[]) => stages.reduce((total, stage) => total + counts[stage], 0);
  const retainedAtStart = sum(now, RETAINED_STAGES) - d("retainedNetSinceStart");
  // Everyone who could lapse during the period: the retained base at its start and whoever joined it during it.
  const churnBase = retainedAtStart + d("joinedRetained");
  const buyers = Number(buyerRow?.buyers ?? 0);
  const repeatBuyers = Number(buyerRow?.repeatBuyers ?? 0);
  const [orders, revenue] = [d("orders"), d("revenue")];
  return {
    period,
    customers: {
      total: sum(byStage, LIFECYCLE_STAGES),
      newInPeriod: d("newCustomers"),
      active: sum(byStage, ACTIVE_STAGES),
      atRisk: byStage.at_risk,
      lapsed: byStage.lapsed,
      byStage,
    },
    churnRate: ratio(d("becameLapsed"), churnBase),
    churnBase,
    repeatPurchaseRate: ratio(repeatBuyers, buyers),
    orders,
    revenue,
    refunds: d("refunds"),
    buyers,
    repeatBuyers,
    averageOrderValue: orders > 0 ? Math.round(revenue / orders) : null,
    revenuePerCustomer: buyers > 0 ? Math.round(revenue / buyers) : null,
    ordersPerBuyer: ratio(orders, buyers, 2),
    wonBack: d("wonBack"),
    becameLapsed: d("becameLapsed"),
    otherCurrencies: currencyRows
      .map((row) => ({ currency: row.currency, orders: Number(row.orders), revenue: Number(row.revenue), refunds: Number(row.refunds) }))
      .filter((row) => row.orders !== 0 || row.revenue !== 0 || row.refunds !== 0),
  };
}
