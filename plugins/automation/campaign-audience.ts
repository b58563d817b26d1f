// A campaign's audience as one condition on customers (a saved segment, or an ad-hoc filter), and
// the keyset walk through it in id order that sending uses: one indexed page per chunk.
import { and, asc, gt, sql, type SQL } from "drizzle-orm";
import { customersTable, filterCondition, pluginNotFound, segmentCondition, type PluginContext } from "../../worker/plugin-api";

export interface Audience {
  segmentId?: string | null;
  filter?: Record<string, unknown> | null;
}

/** The audience's condition; null when the saved segment is gone. */
export async function audienceCondition(ctx: PluginContext<unknown>, audience: Audience): Promise<SQL | null> {
  if (audience.segmentId) return (await segmentCondition(ctx, audience.segmentId))?.condition ?? null;
  return filterCondition(ctx, audience.filter ?? {});
}

/** In a route: the condition, or a 404 naming `segmentId` when the workspace has no such segment. */
export async function requireAudience(ctx: PluginContext<unknown>, audience: Audience): Promise<SQL> {
  const condition = await audienceCondition(ctx, audience);
  if (!condition) throw pluginNotFound("segmentId");
  return condition;
}

/** The next `limit` customer ids of the audience after `after` (ids are time-ordered and unique). */
export async function audiencePage(ctx: PluginContext<unknown>, condition: SQL, after: string | null, limit: number): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: customersTable.id })
    .from(customersTable)
    .where(after ? and(condition, gt(customersTable.id, after)) : condition)
    .orderBy(asc(customersTable.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** How many customers the audience holds now. */
export async function audienceCount(ctx: PluginContext<unknown>, condition: SQL): Promise<number> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)` }).from(customersTable).where(condition);
  return Number(row?.n ?? 0);
}
