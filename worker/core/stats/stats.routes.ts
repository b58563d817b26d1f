// The dashboard's KPIs.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { LIFECYCLE_STAGES } from "../customers/customers.schema";
import { CalendarDay } from "../calendar/calendar-day";

const day = CalendarDay.openapi({ example: "2025-03-21" });

export const OverviewQuery = z
  .object({
    from: day.optional().openapi({ description: "First local day of the period (the workspace's time zone). Defaults to 29 days before `to`." }),
    to: day.optional().openapi({ description: "Last local day of the period, inclusive. Defaults to today." }),
  })
  .strict();

const rate = z.number().nullable();

export const OverviewSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
    currency: z.string().openapi({ description: "The workspace's currency: amounts are its minor units." }),
    customers: z
      .object({
        total: z.number().int().openapi({ description: "Customers at the period's end (erased ones included, merged-away ones not)." }),
        newInPeriod: z.number().int().openapi({ description: "Customers created during the period; a customer merged into another is withdrawn from its day." }),
        active: z.number().int().openapi({ description: "At the period's end in stage new, active or won_back." }),
        atRisk: z.number().int(),
        lapsed: z.number().int(),
        byStage: z.object(Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, z.number().int()])) as Record<(typeof LIFECYCLE_STAGES)[number], z.ZodNumber>),
      })
      .openapi({ description: "Counts as they stood at the end of the period's last day (today's counts when the period ends today)." }),
    churnRate: rate.openapi({
      description:
        "becameLapsed ÷ churnBase: customers who became lapsed during the period ÷ customers who could lapse during it; null when there were none. Never above 1, never null when someone lapsed.",
    }),
    churnBase: z.number().int().openapi({
      description: "Customers who had bought and had not lapsed (new, active, won_back or at_risk) at the period's start, plus those who joined that base during the period.",
    }),
    repeatPurchaseRate: rate.openapi({ description: "repeatBuyers ÷ buyers." }),
    orders: z.number().int().openapi({ description: "Paid orders (partly refunded included) placed in the period." }),
    revenue: z.number().int().openapi({ description: "Their totals less refunds, in minor units." }),
    refunds: z.number().int().openapi({ description: "Amounts refunded during the period (whenever the order was placed)." }),
    buyers: z.number().int().openapi({ description: "Customers with at least one paid order placed in the period." }),
    repeatBuyers: z.number().int().openapi({ description: "Buyers of the period with two or more paid orders by its end (in it, or one before it and one in it)." }),
    averageOrderValue: z.number().int().nullable().openapi({ description: "revenue ÷ orders." }),
    revenuePerCustomer: z.number().int().nullable().openapi({ description: "revenue ÷ buyers (the period's own buyers)." }),
    ordersPerBuyer: z.number().nullable().openapi({ description: "orders ÷ buyers, two decimals." }),
    wonBack: z.number().int().openapi({ description: "Stage changes to won_back during the period." }),
    becameLapsed: z.number().int().openapi({ description: "Stage changes to lapsed during the period." }),
    otherCurrencies: z
      .array(
        z.object({
          currency: z.string(),
          orders: z.number().int(),
          revenue: z.number().int().openapi({ description: "In that currency's minor units." }),
          refunds: z.number().int(),
        }),
      )
      .openapi({
        description:
          "Paid orders in currencies other than the workspace's, per currency: they are not in orders, revenue or refunds above (no exchange rate is guessed). IRR and IRT are one money and are converted exactly (1 toman = 10 rials), so they never appear here.",
      }),
  })
  .openapi("Overview");

export const overviewRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/stats/overview",
  tags: ["Stats"],
  summary: "The dashboard's KPIs for a period",
  description:
    "Read from rollups kept current with every order, stage change and new customer: the rows read follow the period's activity (its days and its buyers' days), never the workspace's history. " +
    "Period days are local dates in the workspace's time zone; a period is at most 366 days. Every figure is of the period, numerator and denominator alike, and does not depend on the reader's language: " +
    "customer counts as they stood at its end; churn rate = became lapsed ÷ churnBase; repeat-purchase rate = repeatBuyers ÷ buyers; average order value = revenue ÷ orders; " +
    "revenue per customer = revenue ÷ buyers; orders per buyer = orders ÷ buyers. " +
    "Money is in the workspace's currency: an order in IRR in a toman workspace (or in IRT in a rial one) counts converted exactly (÷ 10 or × 10); an order in any other currency is left out of these figures and listed per currency in `otherCurrencies`.",
  request: { query: OverviewQuery },
  responses: {
    200: { description: "The KPIs.", content: { "application/json": { schema: OverviewSchema } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const DailySchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
    currency: z.string().openapi({ description: "The workspace's currency: amounts are its minor units." }),
    days: z.array(
      z.object({
        day: z.string().openapi({ example: "2025-03-21", description: "Local day in the workspace's time zone." }),
        newCustomers: z.number().int().openapi({ description: "Customers created that day." }),
        orders: z.number().int().openapi({ description: "Paid orders (partly refunded included) placed that day." }),
        revenue: z.number().int().openapi({ description: "Their totals less refunds, in minor units." }),
        refunds: z.number().int().openapi({ description: "Amounts refunded that day (whenever the order was placed)." }),
      }),
    ),
  })
  .openapi("DailyFigures");

export const dailyRoute = guardedRoute("customers:read", {
  method: "get",
  path: "/api/stats/daily",
  tags: ["Stats"],
  summary: "Figures of each day of a period, for the dashboard's charts",
  description:
    "One entry for every local day of the period, in order, zero on days when nothing happened: new customers, paid orders, revenue and refunds. " +
    "Read from the daily rollups, so the rows read are at most the days of the period, at any workspace size. A period is at most 366 days; " +
    "group the days into weeks or months as the reader's calendar does.",
  request: { query: OverviewQuery },
  responses: {
    200: { description: "The days of the period.", content: { "application/json": { schema: DailySchema } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});
