// Statements that move the rollups, each to be put in the batch of the change it counts. They are
// upserts that add signed increments, so concurrent batches never lose one another's counts.
import type { BatchItem } from "drizzle-orm/batch";
import { sql, type SQL } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { buyerDays, currencyDayRollups, dailyRollups, stageCounts } from "../data/schema";
import type { LifecycleStage } from "../customers/customers.schema";
import { LIFECYCLE_STAGES } from "../customers/customers.schema";
import { localDay } from "./local-day";

/** The counters of a day, in table order (after workspace_id and day). */
export const DAILY_COUNTERS = [
  "newCustomers",
  "orders",
  "revenue",
  "refunds",
  "becameLapsed",
  "wonBack",
  "joinedRetained",
  "netProspect",
  "netNew",
  "netActive",
  "netAtRisk",
  "netLapsed",
  "netWonBack",
] as const;
export type DailyCounter = (typeof DAILY_COUNTERS)[number];

/** The net-change counter of each stage. */
export const NET_OF_STAGE: Record<LifecycleStage, DailyCounter> = {
  prospect: "netProspect",
  new: "netNew",
  active: "netActive",
  at_risk: "netAtRisk",
  lapsed: "netLapsed",
  won_back: "netWonBack",
};

const column = (counter: DailyCounter) => dailyRollups[counter];

/**
 * Adds increments to one day's row. Each increment is a number or an SQL expression over the rows
 * of `source` (`from … where …`, with a WHERE, which an upsert's SELECT needs), so an increment can
 * depend on what the batch has written so far; no source row, no change.
 */
export function addToDay(scope: WorkspaceScope, day: string, increments: Partial<Record<DailyCounter, number | SQL>>, source: SQL = sql`where 1`): BatchItem<"sqlite"> {
  const counters = DAILY_COUNTERS.filter((counter) => increments[counter] !== undefined);
  const values = DAILY_COUNTERS.map((counter) => {
    const increment = increments[counter];
    return increment === undefined ? sql`0` : typeof increment === "number" ? sql`${increment}` : increment;
  });
  const set = Object.fromEntries(counters.map((counter) => [counter, sql`${column(counter)} + excluded.${sql.identifier(column(counter).name)}`]));
  return scope.db
    .insert(dailyRollups)
    .select(sql`select ${scope.workspaceId}, ${day}, ${sql.join(values, sql`, `)} ${source}`)
    .onConflictDoUpdate({ target: [dailyRollups.workspaceId, dailyRollups.day], set });
}

/** Adds `delta` to the count of the stage `stage` evaluates to, for each row of `source` (which has a WHERE). */
export function addToStageCount(scope: WorkspaceScope, stage: SQL, delta: number, source: SQL): BatchItem<"sqlite"> {
  return scope.db
    .insert(stageCounts)
    .select(sql`select ${scope.workspaceId}, ${stage}, ${delta} ${source}`)
    .onConflictDoUpdate({ target: [stageCounts.workspaceId, stageCounts.stage], set: { count: sql`${stageCounts.count} + excluded.count` } });
}

/** `1` when `stage` is `value`, else `0`: for counting stage moves in SQL. */
export const isStage = (stage: SQL, value: LifecycleStage) => sql`(case when ${stage} = ${value} then 1 else 0 end)`;

/** Stages of customers who have bought and have not lapsed: the base churn is measured against. */
export const RETAINED_STAGES = ["new", "active", "won_back", "at_risk"] as const satisfies readonly LifecycleStage[];

export const isRetained = (stage: SQL) => sql`(case when ${stage} in (${sql.join(RETAINED_STAGES.map((s) => sql`${s}`), sql`, `)}) then 1 else 0 end)`;

/** The net-change increments of a move from `from` to `to` (both SQL), plus became-lapsed, won-back and joined-retained. */
export function stageMoveIncrements(from: SQL, to: SQL): Partial<Record<DailyCounter, SQL>> {
  const increments: Partial<Record<DailyCounter, SQL>> = {
    becameLapsed: isStage(to, "lapsed"),
    wonBack: isStage(to, "won_back"),
    joinedRetained: sql`(${isRetained(to)} * (1 - ${isRetained(from)}))`,
  };
  for (const stage of LIFECYCLE_STAGES) increments[NET_OF_STAGE[stage]] = sql`${isStage(to, stage)} - ${isStage(from, stage)}`;
  return increments;
}

/**
 * A new customer: one more on the day's new customers and among prospects. createCustomer puts
 * these in its batch. Erasure decrements nothing: an erased customer stays a (nameless) customer
 * with their orders, and a day's count of new customers is history.
 */
export function customerCreatedRollups(scope: WorkspaceScope, at: number, timeZone?: string): BatchItem<"sqlite">[] {
  return [
    addToDay(scope, localDay(at, timeZone), { newCustomers: 1, netProspect: 1 }),
    scope.db
      .insert(stageCounts)
      .values({ workspaceId: scope.workspaceId, stage: "prospect", count: 1 })
      .onConflictDoUpdate({ target: [stageCounts.workspaceId, stageCounts.stage], set: { count: sql`${stageCounts.count} + 1` } }),
  ];
}

/** Adds to one day's figures of an order currency the workspace does not keep its books in. */
export function addToCurrencyDay(scope: WorkspaceScope, day: string, currency: string, increments: { orders?: number; revenue?: number; refunds?: number }): BatchItem<"sqlite"> {
  const { orders = 0, revenue = 0, refunds = 0 } = increments;
  return scope.db
    .insert(currencyDayRollups)
    .values({ workspaceId: scope.workspaceId, day, currency, orders, revenue, refunds })
    .onConflictDoUpdate({
      target: [currencyDayRollups.workspaceId, currencyDayRollups.day, currencyDayRollups.currency],
      set: {
        orders: sql`${currencyDayRollups.orders} + ${orders}`,
        revenue: sql`${currencyDayRollups.revenue} + ${revenue}`,
        refunds: sql`${currencyDayRollups.refunds} + ${refunds}`,
      },
    });
}

/** Adds `orders` (signed) to a customer's paid orders of a local day: the period's buyers. */
export function addToBuyerDay(scope: WorkspaceScope, customerId: string, day: string, orders: number): BatchItem<"sqlite"> {
  return scope.db
    .insert(buyerDays)
    .values({ workspaceId: scope.workspaceId, customerId, day, orders })
    .onConflictDoUpdate({ target: [buyerDays.workspaceId, buyerDays.customerId, buyerDays.day], set: { orders: sql`${buyerDays.orders} + ${orders}` } });
}
