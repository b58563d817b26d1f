// Rollups the dashboard reads instead of the orders and customers tables. Each is kept current in
// the same D1 batch as the change it counts (an order, a stage change, a new customer), so the
// overview reads a handful of rows whatever the size of the workspace.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaceId } from "../data/columns";
import { LIFECYCLE_STAGES } from "../customers/customers.schema";

/**
 * One row per workspace and local day (YYYY-MM-DD in the workspace's time zone) on which
 * something happened. Every column is a sum of signed increments.
 */
export const dailyRollups = sqliteTable(
  "daily_rollups",
  {
    workspaceId: workspaceId(),
    day: text("day").notNull(),
    // Customers created that day.
    newCustomers: integer("new_customers").notNull().default(0),
    // Paid orders placed that day (partly refunded included), and their total less refunds.
    orders: integer("orders").notNull().default(0),
    revenue: integer("revenue").notNull().default(0),
    // Amounts refunded that day (whenever the order was placed).
    refunds: integer("refunds").notNull().default(0),
    // Stage changes into lapsed and into won_back that day.
    becameLapsed: integer("became_lapsed").notNull().default(0),
    wonBack: integer("won_back").notNull().default(0),
    // Moves into the retained base (new, active, won_back, at_risk) from outside it, less retained
    // customers merged away (one person counts once): with the base at a period's start, the
    // chances anyone had to lapse during the period.
    joinedRetained: integer("joined_retained").notNull().default(0),
    // Net change that day of the number of customers in each stage: a stage's count at the start
    // of a past day is its count now less the sum of these from that day on.
    netProspect: integer("net_prospect").notNull().default(0),
    netNew: integer("net_new").notNull().default(0),
    netActive: integer("net_active").notNull().default(0),
    netAtRisk: integer("net_at_risk").notNull().default(0),
    netLapsed: integer("net_lapsed").notNull().default(0),
    netWonBack: integer("net_won_back").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day] })],
);

/**
 * The paid orders, revenue and refunds of a day in a currency other than the workspace's (and not
 * convertible to it exactly): kept apart, so the workspace's figures never add dollars to toman.
 */
export const currencyDayRollups = sqliteTable(
  "currency_day_rollups",
  {
    workspaceId: workspaceId(),
    day: text("day").notNull(),
    currency: text("currency").notNull(),
    orders: integer("orders").notNull().default(0),
    revenue: integer("revenue").notNull().default(0),
    refunds: integer("refunds").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.currency] })],
);

/** How many live customers are in each lifecycle stage now. */
export const stageCounts = sqliteTable(
  "stage_counts",
  {
    workspaceId: workspaceId(),
    stage: text("stage", { enum: LIFECYCLE_STAGES }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.stage] })],
);

/**
 * Workspace-wide figures over buying customers. No longer written nor read (the dashboard's
 * figures are per period, from buyer_days); kept until a migration may drop it.
 */
export const buyerTotals = sqliteTable("buyer_totals", {
  workspaceId: text("workspace_id").primaryKey(),
  // Customers with at least one paid order, and with at least two.
  buyers: integer("buyers").notNull().default(0),
  repeatBuyers: integer("repeat_buyers").notNull().default(0),
  // Sum over buyers of the day number (epoch ms / 86 400 000) of their first paid order: the
  // average tenure is today's day number less the mean of these.
  firstOrderDaySum: integer("first_order_day_sum").notNull().default(0),
});

/**
 * Paid orders booked in the workspace's currency, per customer and local day: the buyers of a
 * period are the distinct customers with a row in it, so "per buying customer" divides by the
 * period's own buyers. One row per customer and day they bought (never more rows than orders).
 */
export const buyerDays = sqliteTable(
  "buyer_days",
  {
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    day: text("day").notNull(),
    orders: integer("orders").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId, t.day] }), index("buyer_days_by_day").on(t.workspaceId, t.day, t.customerId, t.orders)],
);
