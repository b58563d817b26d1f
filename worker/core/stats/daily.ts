// The dashboard's time series: new customers, paid orders, revenue and refunds for each local day
// of a period, read from the daily rollups by their primary key (workspace, day). The rows read
// are at most the days of the period, whatever the size of the workspace; charts group the days
// into weeks or months in the reader's own calendar.
import { and, asc, between, eq } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { dailyRollups } from "../data/schema";
import { addDays, daysBetween } from "./local-day";
import type { Period } from "./overview";

export interface DayFigures {
  /** Local day, YYYY-MM-DD. */
  day: string;
  newCustomers: number;
  orders: number;
  revenue: number;
  refunds: number;
}

/** The read of the period's rollups, unexecuted, so tests can measure and EXPLAIN it. */
export function dailyQuery(scope: WorkspaceScope, period: Period) {
  return scope.db
    .select({
      day: dailyRollups.day,
      newCustomers: dailyRollups.newCustomers,
      orders: dailyRollups.orders,
      revenue: dailyRollups.revenue,
      refunds: dailyRollups.refunds,
    })
    .from(dailyRollups)
    .where(and(eq(dailyRollups.workspaceId, scope.workspaceId), between(dailyRollups.day, period.from, period.to)))
    .orderBy(asc(dailyRollups.day));
}

/** Every day of the period in order, zero where nothing happened (a rollup row exists only for days with activity). */
export async function readDaily(scope: WorkspaceScope, period: Period): Promise<DayFigures[]> {
  const rows = new Map((await dailyQuery(scope, period)).map((row) => [row.day, row]));
  const length = daysBetween(period.from, period.to) + 1;
  return Array.from({ length }, (_, offset) => {
    const day = addDays(period.from, offset);
    const row = rows.get(day);
    return { day, newCustomers: row?.newCustomers ?? 0, orders: row?.orders ?? 0, revenue: row?.revenue ?? 0, refunds: row?.refunds ?? 0 };
  });
}
