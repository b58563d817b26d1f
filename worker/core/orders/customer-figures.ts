// A customer's order figures and lifecycle stage, recomputed in SQL from the orders table inside
// the batch that changes an order (or merges two customers), so concurrent orders of one customer
// never lose an update: each batch counts every order committed before it. Stage changes, by an
// order or by time, always write the same things: a customer_stage_changes row, a
// `customer.stage_changed` event and the stage rollups.
import type { BatchItem } from "drizzle-orm/batch";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { buyerDays, customers, customerStageChanges, events, orders } from "../data/schema";
import type { LifecycleStage } from "../customers/customers.schema";
import { coreEvents } from "../events/event-catalog";
import { localDay } from "../stats/local-day";
import { addToDay, addToStageCount, isRetained, stageMoveIncrements } from "../stats/rollups";
import type { MergeContext } from "../customers/merge-moves";

/**
 * `from orders where …` for the customer's paid orders (partly refunded included): the ones that
 * count. The unary `+` keeps SQLite off the (workspace, status) index, which would walk every paid
 * order of the workspace; the customer's own index reads only theirs.
 */
const paidOrdersOf = (scope: WorkspaceScope, customerId: string) =>
  sql`from ${orders} where ${orders.workspaceId} = ${scope.workspaceId} and ${orders.customerId} = ${customerId} and +${orders.status} = 'paid'`;

const theCustomer = (scope: WorkspaceScope, customerId: string) => sql`${customers.workspaceId} = ${scope.workspaceId} and ${customers.id} = ${customerId}`;

/**
 * first/last order time over paid orders (a purchase in any currency); order count and total spent
 * (total less refunds) over the paid orders booked in the workspace's currency, so the average
 * order value (total spent ÷ order count, derived when shown) never mixes currencies.
 */
export function recomputeFiguresStatement(scope: WorkspaceScope, customerId: string, at: number): BatchItem<"sqlite"> {
  const paid = paidOrdersOf(scope, customerId);
  return scope.db
    .update(customers)
    .set({
      orderCount: sql`(select count(*) ${paid} and ${orders.bookedNet} is not null)`,
      totalSpent: sql`(select coalesce(sum(${orders.bookedNet}), 0) ${paid})`,
      firstOrderAt: sql`(select min(${orders.placedAt}) ${paid})`,
      lastOrderAt: sql`(select max(${orders.placedAt}) ${paid})`,
      updatedAt: at,
    })
    .where(theCustomer(scope, customerId));
}

/**
 * The figures recomputed. (The workspace-wide buyer_totals rollup is no longer kept: the
 * dashboard counts a period's buyers from buyer_days and nothing else read it.)
 */
export function figureStatements(scope: WorkspaceScope, customerId: string, at: number): BatchItem<"sqlite">[] {
  return [recomputeFiguresStatement(scope, customerId, at)];
}

/**
 * The stage orders give the customer, as SQL over the customer's current row and the orders
 * table as the batch has left it:
 *   at_risk / lapsed  → won_back on a new purchase, else unchanged (time moves them, not orders)
 *   no paid order     → prospect
 *   won_back          → active on a new purchase, else unchanged
 *   one paid order    → new;   two or more → active
 * `purchase`: this change made an order paid that is the customer's newest.
 */
export function orderDrivenStage(scope: WorkspaceScope, customerId: string, purchase: boolean): SQL {
  const count = sql`(select count(*) ${paidOrdersOf(scope, customerId)})`;
  const stage = customers.lifecycleStage;
  const bought = purchase ? 1 : 0;
  return sql`(case
    when ${stage} in ('at_risk', 'lapsed') then (case when ${bought} then 'won_back' else ${stage} end)
    when ${count} = 0 then 'prospect'
    when ${stage} = 'won_back' then (case when ${bought} then 'active' else ${stage} end)
    when ${count} = 1 then 'new'
    else 'active' end)`;
}

interface StageMove {
  customerId: string;
  /** The stage before and after, as SQL over the customers row (a column, a literal or a CASE). */
  from: SQL;
  to: SQL;
  /** Extra condition on the customers row. */
  where?: SQL;
  cause: string;
  at: number;
  timeZone?: string;
  actorUserId?: string | null;
}

/** The rows, event and rollups of a stage move, written only when the customer's row meets the condition and from ≠ to. */
function stageMoveStatements(scope: WorkspaceScope, move: StageMove): BatchItem<"sqlite">[] {
  const moved = sql`from (select ${customers.id} as id, ${move.from} as f, ${move.to} as t from ${customers}
    where ${theCustomer(scope, move.customerId)}${move.where ? sql` and ${move.where}` : sql``}) as moved where moved.f <> moved.t`;
  const eventId = newId("evt", move.at);
  // Checked here as eventEntry would: the payload is built by SQL below in this very shape.
  coreEvents["customer.stage_changed"].parse({ customerId: move.customerId, from: "prospect", to: "new", cause: move.cause });
  // The consumer looks the id up; when the condition did not hold, no row has it and nothing is delivered.
  scope.pendingEvents.push(eventId);
  return [
    scope.db
      .insert(customerStageChanges)
      .select(sql`select ${newId("csc", move.at)}, ${scope.workspaceId}, moved.id, moved.f, moved.t, ${move.cause}, ${move.at} ${moved}`),
    scope.db
      .insert(events)
      .select(
        sql`select ${eventId}, ${scope.workspaceId}, 'customer.stage_changed',
          json_object('customerId', moved.id, 'from', moved.f, 'to', moved.t, 'cause', ${move.cause}), ${move.actorUserId ?? null}, ${move.at}, null, null ${moved}`,
      ),
    addToStageCount(scope, sql`moved.f`, -1, moved),
    addToStageCount(scope, sql`moved.t`, 1, moved),
    addToDay(scope, localDay(move.at, move.timeZone), stageMoveIncrements(sql`moved.f`, sql`moved.t`), moved),
  ];
}

/**
 * The statements of a stage change made elsewhere (the daily lifecycle job), put in the same
 * batch right after the guarded update that moves the customer's stage from `from` to `to`:
 * they write only if the customer is now at `to`, so a move the guard refused writes nothing.
 * Pass the workspace's time zone so the change counts on the right local day (default Asia/Tehran).
 */
export function stageChangeStatements(
  scope: WorkspaceScope,
  change: { customerId: string; from: LifecycleStage; to: LifecycleStage; cause: string; at: number; timeZone?: string },
): BatchItem<"sqlite">[] {
  return stageMoveStatements(scope, {
    customerId: change.customerId,
    from: sql`${change.from}`,
    to: sql`${change.to}`,
    where: sql`${customers.lifecycleStage} = ${change.to}`,
    cause: change.cause,
    at: change.at,
    timeZone: change.timeZone,
  });
}

/**
 * After the orders table has changed: the stage orders give the customer (a move, with its rows,
 * event and rollups, when it differs), then the figures recomputed. `purchase` as in
 * orderDrivenStage.
 */
export function customerAfterOrders(
  scope: WorkspaceScope,
  options: { customerId: string; purchase: boolean; cause: string; at?: number; timeZone?: string; actorUserId?: string | null },
): BatchItem<"sqlite">[] {
  const at = options.at ?? now();
  const to = orderDrivenStage(scope, options.customerId, options.purchase);
  return [
    ...stageMoveStatements(scope, { ...options, at, from: sql`${customers.lifecycleStage}`, to, where: sql`${customers.mergedInto} is null` }),
    scope.db
      .update(customers)
      .set({ lifecycleStage: sql`${to}`, updatedAt: at })
      .where(sql`${theCustomer(scope, options.customerId)} and ${customers.mergedInto} is null and ${customers.lifecycleStage} <> ${to}`),
    ...figureStatements(scope, options.customerId, at),
  ];
}

/**
 * In a merge, after the orders have moved to the survivor: the merged customer leaves the stage
 * counts (it becomes a tombstone), and the survivor's figures and stage are
 * recomputed from the orders it now has (cause "merge"), on the local day of the workspace's zone.
 */
export const mergedOrderFigures = ({ scope, survivorId, mergedId, timeZone }: MergeContext): BatchItem<"sqlite">[] => {
  const at = now();
  const merged = sql`from ${customers} where ${theCustomer(scope, mergedId)} and ${customers.mergedInto} is null`;
  const ofMerged = and(eq(buyerDays.workspaceId, scope.workspaceId), eq(buyerDays.customerId, mergedId));
  return [
    addToStageCount(scope, sql`${customers.lifecycleStage}`, -1, merged),
    addToDay(
      scope,
      localDay(at, timeZone),
      // Leaving the retained base by a merge is no chance to lapse: the person stays, as the survivor.
      { ...stageMoveIncrements(sql`${customers.lifecycleStage}`, sql`null`), joinedRetained: sql`(0 - ${isRetained(sql`${customers.lifecycleStage}`)})` },
      merged,
    ),
    // The merged customer's buying days become the survivor's (a day both bought on adds up).
    scope.db
      .insert(buyerDays)
      .select(sql`select ${buyerDays.workspaceId}, ${survivorId}, ${buyerDays.day}, ${buyerDays.orders} from ${buyerDays} where ${ofMerged}`)
      .onConflictDoUpdate({ target: [buyerDays.workspaceId, buyerDays.customerId, buyerDays.day], set: { orders: sql`${buyerDays.orders} + excluded.orders` } }),
    scope.db.delete(buyerDays).where(ofMerged),
    recomputeFiguresStatement(scope, mergedId, at),
    ...customerAfterOrders(scope, { customerId: survivorId, purchase: false, cause: "merge", at, timeZone }),
  ];
};
