// The responses themselves: comments by band and period, one customer's answers, testimonials
// (promoters' comments with the customer's consent to quote them, and when it was given).
import { and, desc, eq, gte, isNotNull, lt } from "drizzle-orm";
import { localMidnight, addDays, type PluginContext } from "../../worker/plugin-api";
import type { ResponseRow } from "./answers";
import { npsResponses, type Band } from "./schema";

export interface ResponseFilter {
  band?: Band;
  surveyId?: string;
  customerId?: string;
  from?: string;
  to?: string;
  withComment?: boolean;
  testimonials?: boolean;
}

export async function listResponses(ctx: PluginContext<unknown>, filter: ResponseFilter, after: string | null, limit: number): Promise<ResponseRow[]> {
  const r = npsResponses;
  return ctx.db
    .select()
    .from(r)
    .where(
      and(
        eq(r.workspaceId, ctx.workspaceId),
        filter.band ? eq(r.band, filter.band) : undefined,
        filter.surveyId ? eq(r.surveyId, filter.surveyId) : undefined,
        filter.customerId ? eq(r.customerId, filter.customerId) : undefined,
        filter.from ? gte(r.answeredAt, localMidnight(filter.from, ctx.timeZone)) : undefined,
        filter.to ? lt(r.answeredAt, localMidnight(addDays(filter.to, 1), ctx.timeZone)) : undefined,
        filter.withComment || filter.testimonials ? isNotNull(r.comment) : undefined,
        filter.testimonials ? and(eq(r.band, "promoter"), isNotNull(r.testimonialConsentAt)) : undefined,
        after ? lt(r.id, after) : undefined,
      ),
    )
    .orderBy(desc(r.id))
    .limit(limit + 1);
}

export function presentResponse(row: ResponseRow) {
  return {
    id: row.id,
    surveyId: row.surveyId,
    customerId: row.customerId,
    score: row.score,
    band: row.band,
    via: row.via,
    comment: row.comment,
    testimonialConsentAt: row.testimonialConsentAt === null ? null : new Date(row.testimonialConsentAt).toISOString(),
    answeredAt: new Date(row.answeredAt).toISOString(),
  };
}

