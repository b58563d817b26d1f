// Existing buyers and the club. Turning the club on changes nothing for orders paid before (they
// never sent `order.paid` to it); the owner may instead credit them, once: a preview first (how
// many orders and buyers, how many points, what they are worth), then chunks of a few orders per
// request. Each past paid order in the workspace's currency earns the purchase points of the base
// rate (floor(net total ÷ amountPerPoint); tier multipliers and one-off bonuses apply from now on),
// under the same dedupe key as a live purchase (`order:<id>`), so no order earns twice, whether the
// credit is run again or the order is paid again later.
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { customersTable, ordersTable, workspaceProfile, type PluginContext } from "../../worker/plugin-api";
import { planCredits } from "./credits";
import { hasDedupeKey } from "./ledger";
import { findMember, ensureMember, liveCustomer } from "./members";
import { loyaltyLedger, loyaltyMembers } from "./schema";
import type { LoyaltySettings } from "./settings";

type Ctx = PluginContext<LoyaltySettings>;

/** Orders credited per request: about 7 D1 queries each, within the Free plan's 50 with the request's own. */
export const PAST_ORDERS_PER_CHUNK = 5;

const net = sql<number>`${ordersTable.total} - ${ordersTable.refundedTotal}`;

/** Past paid orders in the workspace currency whose buyer is live and which earned nothing yet. */
function uncredited(ctx: Ctx, currency: string) {
  return and(
    eq(ordersTable.workspaceId, ctx.workspaceId),
    eq(ordersTable.status, "paid"),
    eq(ordersTable.currency, currency),
    sql`not exists (select 1 from ${loyaltyLedger} where ${loyaltyLedger.workspaceId} = ${ordersTable.workspaceId} and ${loyaltyLedger.dedupeKey} = 'order:' || ${ordersTable.id})`,
  );
}

export interface PastOrdersPreview {
  orders: number;
  buyers: number;
  newMembers: number;
  points: number;
  /** What the points are worth (points × pointValue), in the currency's smallest unit. */
  liability: number;
  currency: string;
}

export async function previewPastOrders(ctx: Ctx): Promise<PastOrdersPreview> {
  const { currency } = await workspaceProfile(ctx);
  const row = await ctx.db
    .select({
      orders: sql<number>`count(*)`,
      buyers: sql<number>`count(distinct ${ordersTable.customerId})`,
      newMembers: sql<number>`count(distinct case when not exists (select 1 from ${loyaltyMembers} where ${loyaltyMembers.workspaceId} = ${ordersTable.workspaceId} and ${loyaltyMembers.customerId} = ${ordersTable.customerId}) then ${ordersTable.customerId} end)`,
      // Whole points per order (cast: a bound number may arrive as a real), as the credit rounds them.
      points: sql<number>`coalesce(sum(cast(max(${net}, 0) / ${ctx.settings.amountPerPoint} as integer)), 0)`,
    })
    .from(ordersTable)
    .innerJoin(customersTable, and(eq(customersTable.workspaceId, ordersTable.workspaceId), eq(customersTable.id, ordersTable.customerId)))
    .where(and(uncredited(ctx, currency), isNull(customersTable.mergedInto), isNull(customersTable.erasedAt)))
    .get();
  const points = Number(row?.points ?? 0);
  return { orders: Number(row?.orders ?? 0), buyers: Number(row?.buyers ?? 0), newMembers: Number(row?.newMembers ?? 0), points, liability: points * ctx.settings.pointValue, currency };
}

export interface PastOrdersChunk {
  /** Orders looked at in this chunk, and those credited now (the others had earned already or earn nothing). */
  looked: number;
  credited: number;
  points: number;
  enrolled: number;
  /** Where the next chunk starts; null when every past order has been looked at. */
  next: string | null;
}

export async function creditPastOrders(ctx: Ctx, after: string | null): Promise<PastOrdersChunk> {
  const { currency, locale } = await workspaceProfile(ctx);
  const rows = await ctx.db
    .select({ id: ordersTable.id, customerId: ordersTable.customerId, net })
    .from(ordersTable)
    .where(and(uncredited(ctx, currency), after ? gt(ordersTable.id, after) : undefined))
    .orderBy(asc(ordersTable.id))
    .limit(PAST_ORDERS_PER_CHUNK + 1)
    .all();
  const chunk = rows.slice(0, PAST_ORDERS_PER_CHUNK);
  const outcome: PastOrdersChunk = { looked: chunk.length, credited: 0, points: 0, enrolled: 0, next: rows.length > PAST_ORDERS_PER_CHUNK ? chunk.at(-1)!.id : null };
  for (const order of chunk) {
    const points = Math.floor(Math.max(0, order.net) / ctx.settings.amountPerPoint);
    const customer = points > 0 ? await liveCustomer(ctx, order.customerId) : null;
    if (!customer || (await hasDedupeKey(ctx, `order:${order.id}`))) continue;
    const wasMember = (await findMember(ctx, customer.id)) !== null;
    const member = await ensureMember(ctx, customer.id);
    const plan = await planCredits(
      ctx,
      member,
      [{ customerId: customer.id, kind: "earn", rule: "purchase", points, amount: order.net, sourceKind: "order", sourceId: order.id, dedupeKey: `order:${order.id}`, reason: "past order" }],
      locale,
    );
    if (plan.statements.length === 0) continue;
    await ctx.db.batch(plan.statements as never);
    outcome.credited++;
    outcome.points += points;
    if (!wasMember) outcome.enrolled++;
  }
  return outcome;
}
