// Results from the daily rollups (rows read grow with days, not with responses): the score
// overall and per period (Jalali months in Persian), the 0–10 distribution and the response rate;
// and a breakdown by customer group from each customer's last answer, or by the channel asked
// (from the rollups, every answer).
import { and, eq, gte, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { addDays, customersTable, localDay, savedSegments, segmentCondition, type PluginContext } from "../../worker/plugin-api";
import { emptyCounts, npsOf, type NpsFigures } from "./scoring";
import { npsCustomers, npsRollups, npsSurveys } from "./schema";

type Ctx = PluginContext<unknown>;
type Locale = "fa" | "en";

export interface ResultsRange {
  surveyId?: string;
  from?: string;
  to?: string;
  period: "week" | "month";
}

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** The period a local day falls in: its month (Jalali for Persian) or its week (from Saturday in Persian, Monday in English). */
export function periodOf(day: string, period: "week" | "month", locale: Locale): { key: string; label: { en: string; fa: string } } {
  if (period === "week") {
    const weekday = noon(day).getUTCDay(); // 0 Sunday … 6 Saturday
    const back = locale === "fa" ? (weekday + 1) % 7 : (weekday + 6) % 7;
    const start = addDays(day, -back);
    const label = (l: Locale) => new Intl.DateTimeFormat(l === "fa" ? "fa-IR-u-ca-persian" : "en-GB", { timeZone: "UTC", day: "numeric", month: "short" }).format(noon(start));
    return { key: start, label: { en: label("en"), fa: label("fa") } };
  }
  const calendar = locale === "fa" ? "persian" : "gregory";
  const parts = new Intl.DateTimeFormat(`en-US-u-ca-${calendar}`, { timeZone: "UTC", year: "numeric", month: "2-digit" }).formatToParts(noon(day));
  const year = parts.find((p) => p.type === "year")!.value.replace(/\D/g, "");
  const month = parts.find((p) => p.type === "month")!.value;
  const format = (l: Locale) => new Intl.DateTimeFormat(`${l === "fa" ? "fa-IR" : "en-GB"}-u-ca-${calendar}`, { timeZone: "UTC", year: "numeric", month: "long" }).format(noon(day));
  return { key: `${year}-${month}`, label: { en: format("en"), fa: format("fa") } };
}

export async function results(ctx: Ctx, range: ResultsRange) {
  const today = localDay(ctx.now(), ctx.timeZone);
  const from = range.from ?? addDays(today, -364);
  const to = range.to ?? today;
  const rows = await ctx.db
    .select()
    .from(npsRollups)
    .where(and(eq(npsRollups.workspaceId, ctx.workspaceId), range.surveyId ? eq(npsRollups.surveyId, range.surveyId) : undefined, gte(npsRollups.day, from), lte(npsRollups.day, to)))
    .all();
  const distribution = emptyCounts();
  let sent = 0;
  let delivered = 0;
  const periods = new Map<string, { label: { en: string; fa: string }; counts: number[] }>();
  for (const row of rows) {
    sent += row.sent;
    delivered += row.delivered;
    const { key, label } = periodOf(row.day, range.period, ctx.locale);
    const bucket = periods.get(key) ?? { label, counts: emptyCounts() };
    for (const score of SCORES) {
      const n = row[`c${score}`];
      distribution[score]! += n;
      bucket.counts[score]! += n;
    }
    periods.set(key, bucket);
  }
  const overall = npsOf(distribution);
  // Without delivery reports (a provider that gives none), a message handed over counts as delivered.
  const reached = delivered > 0 ? delivered : sent;
  return {
    overall: { ...overall, sent, delivered: reached, responseRate: reached === 0 ? null : Math.round((overall.responses / reached) * 1000) / 10 },
    distribution,
    periods: [...periods.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, bucket]) => ({ period, label: bucket.label, ...npsOf(bucket.counts) }))
      .filter((period) => period.responses > 0),
  };
}

async function countsWhere(ctx: Ctx, groupBy: SQL | null, where: SQL | undefined): Promise<Map<string, number[]>> {
  const key = groupBy ?? sql<string>`''`;
  const rows = await ctx.db
    .select({ key: sql<string | null>`${key}`, score: npsCustomers.lastScore, n: sql<number>`count(*)` })
    .from(npsCustomers)
    .innerJoin(customersTable, and(eq(customersTable.workspaceId, npsCustomers.workspaceId), eq(customersTable.id, npsCustomers.customerId)))
    .where(and(eq(npsCustomers.workspaceId, ctx.workspaceId), isNotNull(npsCustomers.lastScore), where))
    .groupBy(key, npsCustomers.lastScore)
    .all();
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const name = row.key ?? "";
    const counts = groups.get(name) ?? emptyCounts();
    counts[row.score!]! += Number(row.n);
    groups.set(name, counts);
  }
  return groups;
}

export type BreakdownGroup = NpsFigures & { key: string; label: { en: string; fa: string } };

const UNKNOWN = { en: "Not known", fa: "نامشخص" };

const CHANNELS = { sms: { en: "SMS", fa: "پیامک" }, email: { en: "E-mail", fa: "ایمیل" } };

/** NPS of the answers to each channel's surveys, from the rollups. */
async function byChannel(ctx: Ctx): Promise<BreakdownGroup[]> {
  const sums = Object.fromEntries(SCORES.map((score) => [`c${score}`, sql<number>`coalesce(sum(${sql.identifier(`c${score}`)}), 0)`]));
  const rows = await ctx.db
    .select({ channel: npsSurveys.channel, ...sums })
    .from(npsRollups)
    .innerJoin(npsSurveys, and(eq(npsSurveys.workspaceId, npsRollups.workspaceId), eq(npsSurveys.id, npsRollups.surveyId)))
    .where(eq(npsRollups.workspaceId, ctx.workspaceId))
    .groupBy(npsSurveys.channel)
    .all();
  return rows
    .map((row) => ({ key: row.channel, label: CHANNELS[row.channel], ...npsOf(SCORES.map((score) => Number((row as Record<string, unknown>)[`c${score}`] ?? 0))) }))
    .filter((group) => group.responses > 0)
    .sort((a, b) => b.responses - a.responses);
}

/** NPS of each group of customers, from each one's last answer; or of each channel's answers. */
export async function breakdown(ctx: Ctx, by: "stage" | "rfm" | "city" | "segment" | "channel", segmentId?: string): Promise<BreakdownGroup[]> {
  if (by === "channel") return byChannel(ctx);
  if (by === "segment") {
    const segments = segmentId ? [{ id: segmentId, name: "" }] : await savedSegments(ctx, 10);
    const groups: BreakdownGroup[] = [];
    for (const segment of segments) {
      const found = await segmentCondition(ctx, segment.id);
      if (!found) continue;
      const counts = (await countsWhere(ctx, null, found.condition)).get("") ?? emptyCounts();
      groups.push({ key: segment.id, label: { en: found.name, fa: found.name }, ...npsOf(counts) });
    }
    return groups;
  }
  const column = by === "stage" ? sql`${customersTable.lifecycleStage}` : by === "rfm" ? sql`${customersTable.rfmSegment}` : sql`${customersTable.city}`;
  const groups = await countsWhere(ctx, column, undefined);
  return [...groups.entries()]
    .map(([key, counts]) => ({ key, label: key ? { en: key, fa: key } : UNKNOWN, ...npsOf(counts) }))
    .sort((a, b) => b.responses - a.responses);
}

