// Segment filter fields from each customer's last answer: npsScore (a range 0–10), npsBand (a list
// of bands) and npsAnsweredAt (answered on or after / before a local day). A stored segment keeps
// working on the kept rows while the plugin is off.
import { z } from "@hono/zod-openapi";
import { and, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { addDays, CalendarDay, customersTable, localMidnight, type PluginSegmentField } from "../../worker/plugin-api";
import { BANDS, npsCustomers } from "./schema";

const lastAnswer = (workspaceId: string, condition: SQL | undefined) =>
  sql`exists (select 1 from ${npsCustomers} where ${and(eq(npsCustomers.workspaceId, workspaceId), eq(npsCustomers.customerId, customersTable.id), condition)})`;

const score = z.number().int().min(0).max(10);

export const npsScoreField: PluginSegmentField<{ min?: number; max?: number }> = {
  name: "npsScore",
  schema: z.object({ min: score.optional(), max: score.optional() }).strict().refine((range) => range.min !== undefined || range.max !== undefined, "give min, max or both"),
  compile: (range, { workspaceId }) =>
    lastAnswer(workspaceId, and(range.min !== undefined ? gte(npsCustomers.lastScore, range.min) : undefined, range.max !== undefined ? lte(npsCustomers.lastScore, range.max) : undefined)),
};

export const npsBandField: PluginSegmentField<Array<(typeof BANDS)[number]>> = {
  name: "npsBand",
  schema: z.array(z.enum(BANDS)).min(1).max(3),
  compile: (bands, { workspaceId }) => lastAnswer(workspaceId, inArray(npsCustomers.lastBand, bands)),
};

export const npsAnsweredAtField: PluginSegmentField<{ from?: string; to?: string }> = {
  name: "npsAnsweredAt",
  schema: z.object({ from: CalendarDay.optional(), to: CalendarDay.optional() }).strict().refine((range) => range.from !== undefined || range.to !== undefined, "give from, to or both"),
  compile: (range, { workspaceId, timeZone }) =>
    lastAnswer(
      workspaceId,
      and(
        range.from ? gte(npsCustomers.lastAnsweredAt, localMidnight(range.from, timeZone)) : undefined,
        range.to ? lt(npsCustomers.lastAnsweredAt, localMidnight(addDays(range.to, 1), timeZone)) : undefined,
      ),
    ),
};
