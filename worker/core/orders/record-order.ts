// The one way an order gets written, whatever brought it in (the API, a shop webhook, a CSV
// import): the order moved forward (never duplicated, never moved back by an older update), its
// items, its status history, its events, the customer's figures and stage, and the rollups, in
// one D1 batch. Two writes of one order at once are kept apart by a guard on the state each read
// (the loser retries from the new state), so an event such as `order.paid` is written once.
import type { BatchItem } from "drizzle-orm/batch";
import { and, eq, isNull, sql } from "drizzle-orm";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { customers, orderItems, orders, orderStatusHistory } from "../data/schema";
import { eventEntry } from "../events/outbox";
import { findCustomer, isUniqueViolation } from "../customers/customers.repository";
import { invalidField, notFound } from "../http/problem";
import { localDay } from "../stats/local-day";
import { addToBuyerDay, addToCurrencyDay, addToDay } from "../stats/rollups";
import { bookedAmount } from "./booked-amount";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { customerAfterOrders } from "./customer-figures";
import type { OrderInput, OrderLineInput, RecordedOrder } from "./order-contract";
import { findExternalOrder, findOrder, itemsOfOrder, nextOrderNumber, type OrderRow } from "./orders.repository";
import type { OrderStatus } from "./orders.schema";

export { stageChangeStatements } from "./customer-figures";

const ATTEMPTS = 5;

/** The columns an order's state is made of (what a repeat must match to be "unchanged"). */
type OrderState = Pick<
  OrderRow,
  | "customerId"
  | "number"
  | "status"
  | "currency"
  | "subtotal"
  | "discount"
  | "shipping"
  | "tax"
  | "total"
  | "refundedTotal"
  | "channel"
  | "note"
  | "placedAt"
  | "shippingAddress"
  | "trackingCode"
  | "trackingUrl"
  | "carrier"
  | "shopUrl"
>;
const STATE_COLUMNS = [
  "customerId",
  "number",
  "status",
  "currency",
  "subtotal",
  "discount",
  "shipping",
  "tax",
  "total",
  "refundedTotal",
  "channel",
  "note",
  "placedAt",
  "shippingAddress",
  "trackingCode",
  "trackingUrl",
  "carrier",
  "shopUrl",
] as const;

const isCounted = (status: OrderStatus) => status === "paid";
const netOf = (state: Pick<OrderRow, "total" | "refundedTotal">) => state.total - state.refundedTotal;
/** Who an event names as its actor: a staff member, not "shop" or "import". */
const actorOf = (by: string | null) => (by && by !== "shop" && by !== "import" ? by : null);

function assertAmounts(input: OrderInput): void {
  const money = (value: number | undefined, path: string) => {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) throw invalidField(path, "negative_or_fractional_amount");
  };
  money(input.total, "body.total");
  for (const field of ["subtotal", "discount", "shipping", "tax", "refundedTotal"] as const) money(input[field], `body.${field}`);
  input.items?.forEach((item, index) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) throw invalidField(`body.items.${index}.quantity`, "negative_or_fractional_amount");
    money(item.unitPrice, `body.items.${index}.unitPrice`);
  });
}

/** The state the order moves to: the input over what is stored; a refund never exceeds the total. */
function nextState(input: OrderInput, existing: OrderRow | null, number: string): OrderState {
  const total = input.total;
  let status = input.status;
  const refundedTotal = status === "refunded" ? total : (input.refundedTotal ?? (existing?.status === "refunded" ? 0 : (existing?.refundedTotal ?? 0)));
  if (refundedTotal > total) throw invalidField("body.refundedTotal", "refund_exceeds_total");
  // Refunded piece by piece down to nothing is a full refund.
  if (status === "paid" && total > 0 && refundedTotal === total) status = "refunded";
  return {
    customerId: input.customerId,
    number: input.number ?? existing?.number ?? number,
    status,
    currency: input.currency,
    subtotal: input.subtotal ?? existing?.subtotal ?? 0,
    discount: input.discount ?? existing?.discount ?? 0,
    shipping: input.shipping ?? existing?.shipping ?? 0,
    tax: input.tax ?? existing?.tax ?? 0,
    total,
    refundedTotal,
    channel: input.channel === undefined ? (existing?.channel ?? null) : input.channel,
    note: input.note === undefined ? (existing?.note ?? null) : input.note,
    placedAt: input.placedAt,
    ...shipmentState(input, existing),
  };
}

/** The shipment columns: what the input says, else what is stored (a later update may omit them). */
function shipmentState(input: OrderInput, existing: OrderRow | null) {
  const shipment = input.shipment;
  const address = shipment?.address ? JSON.stringify(shipment.address) : null;
  return {
    shippingAddress: address ?? existing?.shippingAddress ?? null,
    trackingCode: shipment?.trackingCode ?? existing?.trackingCode ?? null,
    trackingUrl: shipment?.trackingUrl ?? existing?.trackingUrl ?? null,
    carrier: shipment?.carrier ?? existing?.carrier ?? null,
    shopUrl: input.shopUrl ?? existing?.shopUrl ?? null,
  };
}

const itemKey = (items: Array<Pick<OrderLineInput, "sku" | "name" | "quantity" | "unitPrice">>) =>
  JSON.stringify(items.map((item) => [item.sku ?? null, item.name, item.quantity, item.unitPrice]));

/** The batch fails (json() of a non-JSON text) unless the row still holds what was read. */
function unchangedSince(scope: WorkspaceScope, row: OrderRow) {
  return scope.db
    .select({ same: sql<number>`case when count(*) = 1 then 1 else json('order changed concurrently') end` })
    .from(orders)
    .where(
      and(
        eq(orders.workspaceId, scope.workspaceId),
        eq(orders.id, row.id),
        eq(orders.updatedAt, row.updatedAt),
        eq(orders.status, row.status),
        eq(orders.total, row.total),
        eq(orders.refundedTotal, row.refundedTotal),
        eq(orders.placedAt, row.placedAt),
        eq(orders.customerId, row.customerId),
      ),
    );
}

/** The batch fails unless the customer is still live (not merged away, not erased) when it runs. */
function customerStillLive(scope: WorkspaceScope, customerId: string) {
  return scope.db
    .select({ live: sql<number>`case when count(*) = 1 then 1 else json('customer no longer live') end` })
    .from(customers)
    .where(and(eq(customers.workspaceId, scope.workspaceId), eq(customers.id, customerId), isNull(customers.mergedInto), isNull(customers.erasedAt)));
}

function itemRows(scope: WorkspaceScope, orderId: string, items: OrderLineInput[]) {
  // One id stem and a counter, so the ids keep the lines in the order they were given (and a
  // repeat of the same lines compares equal).
  const stem = newId("oit");
  return items.map((item, index) => ({
    id: `${stem}${String(index).padStart(4, "0")}`,
    workspaceId: scope.workspaceId,
    orderId,
    sku: item.sku ?? null,
    name: item.name,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    total: item.quantity * item.unitPrice,
  }));
}

/**
 * The rollup statements of an order's paid state joining (sign 1) or leaving (sign -1) its day: the
 * workspace's own figures when it is booked in the workspace's currency, else its currency's own.
 */
function paidContribution(
  scope: WorkspaceScope,
  state: Pick<OrderRow, "customerId" | "placedAt" | "currency" | "total" | "refundedTotal" | "bookedNet">,
  sign: 1 | -1,
  timeZone: string,
): BatchItem<"sqlite">[] {
  const day = localDay(state.placedAt, timeZone);
  if (state.bookedNet !== null) return [addToDay(scope, day, { orders: sign, revenue: sign * state.bookedNet }), addToBuyerDay(scope, state.customerId, day, sign)];
  return [addToCurrencyDay(scope, day, state.currency, { orders: sign, revenue: sign * netOf(state) })];
}

async function attempt(scope: WorkspaceScope, input: OrderInput, settings: { timeZone: string; currency: string }, manualNumber: string | null): Promise<RecordedOrder> {
  const { timeZone } = settings;
  const connectionId = input.externalId ? (input.connectionId ?? input.source) : (input.connectionId ?? null);
  const existing = input.orderId ? await findOrder(scope, input.orderId) : input.externalId ? await findExternalOrder(scope, connectionId!, input.externalId) : null;
  if (input.orderId && !existing) throw notFound();
  if (existing && input.externalUpdatedAt != null && existing.externalUpdatedAt != null && input.externalUpdatedAt < existing.externalUpdatedAt) {
    return { orderId: existing.id, outcome: "unchanged" };
  }
  const customer = await findCustomer(scope, input.customerId);
  if (!customer) throw invalidField("body.customerId", "unknown_customer");

  const next = nextState(input, existing, manualNumber ?? input.externalId ?? "");
  if (existing) {
    const same = STATE_COLUMNS.every((column) => existing[column] === next[column]);
    const sameItems = input.items === undefined || itemKey(await itemsOfOrder(scope, existing.id)) === itemKey(input.items);
    if (same && sameItems) return { orderId: existing.id, outcome: "unchanged" };
  }

  const at = now();
  const orderId = existing?.id ?? newId("ord", at);
  const before = existing;
  const becamePaid = next.status === "paid" && before?.status !== "paid" && before?.status !== "refunded";
  const refundGrew = next.refundedTotal > (before?.refundedTotal ?? 0) || (next.status === "refunded" && before?.status !== "refunded");
  const paidAt = input.paidAt ?? before?.paidAt ?? (next.status === "paid" || next.status === "refunded" ? at : null);
  const actor = actorOf(input.by);
  const eventBase = { customerId: next.customerId, orderId, total: next.total, currency: next.currency };

  const statements: BatchItem<"sqlite">[] = [customerStillLive(scope, next.customerId)];
  if (before) {
    statements.push(unchangedSince(scope, before));
    // The order's old contribution leaves its day; the new one joins its (perhaps other) day below.
    if (isCounted(before.status)) statements.push(...paidContribution(scope, before, -1, timeZone));
  }
  const bookedNet = bookedAmount(netOf(next), next.currency, settings.currency);
  const row = {
    ...next,
    bookedNet,
    paidAt,
    refundedAt: refundGrew ? at : (before?.refundedAt ?? null),
    cancelledAt: next.status === "cancelled" ? (before?.status === "cancelled" ? before.cancelledAt : at) : (before?.cancelledAt ?? null),
    externalUpdatedAt: input.externalUpdatedAt ?? before?.externalUpdatedAt ?? null,
    updatedAt: at,
  };
  if (before) {
    statements.push(scope.db.update(orders).set(row).where(and(eq(orders.workspaceId, scope.workspaceId), eq(orders.id, orderId))));
  } else {
    statements.push(
      scope.db.insert(orders).values({
        ...row,
        id: orderId,
        workspaceId: scope.workspaceId,
        source: input.source,
        connectionId,
        externalId: input.externalId ?? null,
        createdBy: input.by,
        createdAt: at,
      }),
    );
  }
  if (input.items !== undefined) {
    if (before) statements.push(scope.db.delete(orderItems).where(and(eq(orderItems.workspaceId, scope.workspaceId), eq(orderItems.orderId, orderId))));
    if (input.items.length) statements.push(scope.db.insert(orderItems).values(itemRows(scope, orderId, input.items)));
  }
  if (before?.status !== next.status) {
    statements.push(scope.db.insert(orderStatusHistory).values({ id: newId("osh", at), workspaceId: scope.workspaceId, orderId, status: next.status, at, by: input.by }));
  }
  if (isCounted(next.status)) statements.push(...paidContribution(scope, { ...next, bookedNet }, 1, timeZone));
  const refunded = next.refundedTotal - (before?.refundedTotal ?? 0);
  if (refunded !== 0) {
    const booked = bookedAmount(next.refundedTotal, next.currency, settings.currency);
    const bookedBefore = bookedAmount(before?.refundedTotal ?? 0, next.currency, settings.currency);
    const day = localDay(at, timeZone);
    statements.push(booked === null || bookedBefore === null ? addToCurrencyDay(scope, day, next.currency, { refunds: refunded }) : addToDay(scope, day, { refunds: booked - bookedBefore }));
  }

  if (!before) statements.push(eventEntry(scope, "order.created", { ...eventBase, status: next.status, source: input.source }, actor));
  if (becamePaid) statements.push(eventEntry(scope, "order.paid", eventBase, actor));
  if (refundGrew) statements.push(eventEntry(scope, "order.refunded", { ...eventBase, refundedTotal: next.refundedTotal, full: next.status === "refunded" }, actor));

  // A purchase wins back an at-risk or lapsed customer only if it is their newest order (an
  // imported old order does not).
  const purchase = becamePaid && (customer.lastOrderAt === null || next.placedAt > customer.lastOrderAt);
  const cause = "order";
  statements.push(...customerAfterOrders(scope, { customerId: next.customerId, purchase, cause, at, timeZone, actorUserId: actor }));
  if (before && before.customerId !== next.customerId) {
    statements.push(...customerAfterOrders(scope, { customerId: before.customerId, purchase: false, cause, at, timeZone, actorUserId: actor }));
  }

  await scope.db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { orderId, outcome: before ? "updated" : "created" };
}

/**
 * Records an order: creates it, moves it forward, or leaves it (`unchanged`) when it is a repeat
 * of the stored state or older than it (`externalUpdatedAt`). An order with an `externalId` is
 * unique per (connection, externalId); without a `connectionId` its `source` stands for the
 * connection. Throws a 400 Problem (`body.customerId` unknown_customer, 
 * refund_exceeds_total) for input it cannot record.
 */
export async function recordOrder(env: Env, scope: WorkspaceScope, input: OrderInput): Promise<RecordedOrder> {
  assertAmounts(input);
  const settings = await getWorkspaceSettings(env, scope.workspaceId);
  // A hand-entered order gets its readable number once, so a retry keeps it.
  const manualNumber = !input.orderId && !input.externalId && !input.number ? await nextOrderNumber(scope) : null;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(scope, input, settings, manualNumber);
    } catch (error) {
      // Another write of the same order won the race (a duplicate insert, or the state we read
      // moved on): read again and redo. A customer merged away meanwhile is unknown now.
      const message = String((error as Error)?.message ?? error);
      const raced = isUniqueViolation(error) || message.includes("JSON");
      if (!raced || tries >= ATTEMPTS) throw error;
      if (!(await findCustomer(scope, input.customerId))) throw invalidField("body.customerId", "unknown_customer");
    }
  }
}
