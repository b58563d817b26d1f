// RFM scores, recomputed for a whole workspace by the daily job.
//
// Who is scored: live customers (not erased, not merged away) with at least one order
// (last_order_at set). Everyone else has no score: rfm_r/f/m, rfm_segment and value_tier are null.
//
// The three values: R = last_order_at (more recent is better), F = order_count, M = total_spent.
// Each is scored 1–5 by quintile among the workspace's n scored customers:
//
//     score = 1 + floor(5 × below / n),   below = how many scored customers have a strictly lower value
//
// i.e. 1 + floor(5 × (rank − 1) / n) with rank as SQL's rank(): ties share the rank of the first
// position they occupy, so equal values always get the same score, and a large tie (many
// one-time buyers) all get the lower score. One customer alone, or all equal, score 1.
//
// The segment is the three scores as "R5F4M3". The value tier is by R + F + M:
// high 12–15, medium 8–11, low 3–7.
//
// How: the score is a step function of the value, so four thresholds per dimension say it all.
// With sorted values a_1 ≤ … ≤ a_n and c_k = ceil((k − 1) × n / 5) for k = 2…5,
// score(v) = 1 + #{k : v > a_(c_k)}. The thresholds are read with one window query per dimension
// (rows proportional to the workspace, once a day); the scores are then written RFM_BATCH
// customers at a time by id range, and only rows whose scores changed are written. The ranges'
// bounds are read in one query and their updates sent RANGES_PER_CALL to a D1 batch, so a
// workspace of 25,000 customers (about what the Workers Free plan's 500 MB database holds) is
// scored in under ten D1 queries: a Worker invocation may make only 50 on that plan.
import { and, eq, gt, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { customers } from "../data/schema";

/** Customers per update statement. */
export const RFM_BATCH = 500;
/** Update statements per D1 batch: 10,000 customers in one round trip, still a short transaction. */
export const RANGES_PER_CALL = 20;

export const VALUE_TIER_RULES = { high: 12, medium: 8 } as const;

const DIMENSIONS = { r: customers.lastOrderAt, f: customers.orderCount, m: customers.totalSpent } as const;
type Dimension = keyof typeof DIMENSIONS;

const scoredCondition = (scope: WorkspaceScope) =>
  and(eq(customers.workspaceId, scope.workspaceId), isNull(customers.erasedAt), isNull(customers.mergedInto), isNotNull(customers.lastOrderAt));

/** Where the four quintile boundaries fall among n sorted values (1-based positions). */
export function quintilePositions(n: number): number[] {
  return [2, 3, 4, 5].map((k) => Math.ceil(((k - 1) * n) / 5));
}

/** The score of a value given the four thresholds (the reference the SQL follows; used by tests). */
export function scoreOf(value: number, thresholds: readonly number[]): number {
  return 1 + thresholds.filter((threshold) => value > threshold).length;
}

async function thresholdsOf(scope: WorkspaceScope, dimension: Dimension, n: number): Promise<number[]> {
  const column = DIMENSIONS[dimension];
  const positions = quintilePositions(n);
  const rows = await scope.db.all<{ value: number; rn: number }>(sql`
    select value, rn from (
      select ${column} as value, row_number() over (order by ${column}) as rn
      from ${customers} where ${scoredCondition(scope)}
    ) where rn in (${sql.join(positions.map((p) => sql`${p}`), sql`, `)})`);
  const byPosition = new Map(rows.map((row) => [Number(row.rn), Number(row.value)]));
  return positions.map((position) => {
    const value = byPosition.get(position);
    if (value === undefined || !Number.isSafeInteger(value)) throw new Error(`rfm: no ${dimension} value at position ${position}`);
    return value;
  });
}

/** A literal: thresholds are integers read from the database, inlined to stay clear of D1's 100-parameter limit. */
const literal = (value: number) => sql.raw(String(Math.trunc(value)));

function scoreExpression(dimension: Dimension, thresholds: readonly number[]): SQL {
  const column = DIMENSIONS[dimension];
  const steps = thresholds.map((threshold) => sql`(${column} > ${literal(threshold)})`);
  return sql`(case when ${customers.lastOrderAt} is null or ${customers.erasedAt} is not null or ${customers.mergedInto} is not null
    then null else 1 + ${sql.join(steps, sql` + `)} end)`;
}

export interface RfmReport {
  scored: number;
}

export async function recomputeRfm(scope: WorkspaceScope): Promise<RfmReport> {
  const counted = await scope.db.select({ n: sql<number>`count(*)` }).from(customers).where(scoredCondition(scope)).get();
  const n = Number(counted?.n ?? 0);
  const nothing = sql`null`;
  const [r, f, m] =
    n === 0
      ? [nothing, nothing, nothing]
      : await Promise.all((["r", "f", "m"] as const).map(async (dimension) => scoreExpression(dimension, await thresholdsOf(scope, dimension, n))));
  const segment = sql`('R' || ${r} || 'F' || ${f} || 'M' || ${m})`;
  const sum = sql`(${r} + ${f} + ${m})`;
  const tier = sql`(case when ${sum} is null then null when ${sum} >= ${literal(VALUE_TIER_RULES.high)} then 'high'
    when ${sum} >= ${literal(VALUE_TIER_RULES.medium)} then 'medium' else 'low' end)`;
  // The last id of every RFM_BATCH customers, and of the last (partial) range, in id order.
  const bounds = await scope.db.all<{ id: string }>(sql`
    select id from (
      select ${customers.id} as id, row_number() over (order by ${customers.id}) as rn, count(*) over () as total
      from ${customers} where ${customers.workspaceId} = ${scope.workspaceId}
    ) where rn % ${literal(RFM_BATCH)} = 0 or rn = total order by id`);
  const changed = sql`(${customers.rfmR} is not ${r} or ${customers.rfmF} is not ${f} or ${customers.rfmM} is not ${m}
    or ${customers.rfmSegment} is not ${segment} or ${customers.valueTier} is not ${tier})`;
  const updates = bounds.map(({ id }, index) =>
    scope.db
      .update(customers)
      .set({ rfmR: sql`${r}`, rfmF: sql`${f}`, rfmM: sql`${m}`, rfmSegment: sql`${segment}`, valueTier: sql`${tier}` })
      .where(and(eq(customers.workspaceId, scope.workspaceId), gt(customers.id, bounds[index - 1]?.id ?? ""), lte(customers.id, id), changed)),
  );
  for (let start = 0; start < updates.length; start += RANGES_PER_CALL) {
    const call = updates.slice(start, start + RANGES_PER_CALL);
    await scope.db.batch(call as [(typeof call)[number], ...typeof call]);
  }
  return { scored: n };
}
