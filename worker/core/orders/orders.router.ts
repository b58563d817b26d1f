// Handlers for orders. Every write goes through recordOrder.
import { actorOf } from "../auth/auth.middleware";
import { now } from "../data/clock";
import { cursorTimeId, toPage } from "../data/cursor";
import type { WorkspaceScope } from "../data/database";
import { invalidField, notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { isCalendarDay } from "../calendar/calendar-day";
import { addDays, startOfDay } from "../stats/local-day";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import type { OrderInput } from "./order-contract";
import { resolveOrderCustomer } from "./order-customer";
import { presentOrder, presentOrderDetail } from "./order.presenter";
import type { OrderCreate, OrderUpdate } from "./order.schemas";
import { customersOfOrders, findOrder, itemsOfOrder, orderListQuery, stageChangesOfOrder, statusHistoryOf, type OrderRow } from "./orders.repository";
import { findCustomer } from "../customers/customers.repository";
import { auditReveal, wantsReveal } from "../customers/reveal";
import { createOrderRoute, getOrderRoute, listOrdersRoute, updateOrderRoute } from "./orders.routes";
import { recordOrder } from "./record-order";

async function detailOf(scope: WorkspaceScope, orderId: string, revealPii = false) {
  const row = await findOrder(scope, orderId);
  if (!row) throw notFound();
  const [items, history, customer] = await Promise.all([itemsOfOrder(scope, orderId), statusHistoryOf(scope, orderId), findCustomer(scope, row.customerId)]);
  const stageChanges = await stageChangesOfOrder(
    scope,
    row.customerId,
    history.map((entry) => entry.at),
  );
  return presentOrderDetail(row, items, history, {
    customer: customer ? { id: customer.id, code: customer.code, displayName: customer.displayName || customer.code } : null,
    stageChanges,
    revealPii,
  });
}

/** A time, or a local day's start (or, for an end, the next day's start). */
const instant = (value: string, timeZone: string, end: boolean) =>
  isCalendarDay(value) ? startOfDay(end ? addDays(value, 1) : value, timeZone) : Date.parse(value);

function totalsOf(body: OrderCreate) {
  const subtotal = body.items?.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  const total = body.total ?? subtotal! - (body.discount ?? 0) + (body.shipping ?? 0) + (body.tax ?? 0);
  if (total < 0) throw invalidField("body.discount", "negative_or_fractional_amount");
  return { subtotal: subtotal ?? total, total };
}

/** The stored order with one change, as recordOrder takes it. */
function changed(row: OrderRow, change: OrderUpdate, by: string): OrderInput {
  const input: OrderInput = {
    orderId: row.id,
    customerId: row.customerId,
    source: row.source,
    connectionId: row.connectionId,
    externalId: row.externalId,
    number: row.number,
    status: row.status,
    currency: row.currency,
    total: row.total,
    refundedTotal: row.refundedTotal,
    placedAt: row.placedAt,
    externalUpdatedAt: row.externalUpdatedAt,
    by,
  };
  if (change.channel !== undefined) input.channel = change.channel;
  if (change.note !== undefined) input.note = change.note;
  if (change.status === "paid") {
    if (row.status === "cancelled" || row.status === "refunded") throw invalidField("body.status", "invalid_order_transition", { from: row.status, to: "paid" });
    input.status = "paid";
  } else if (change.status === "cancelled") {
    if (row.status === "refunded") throw invalidField("body.status", "invalid_order_transition", { from: row.status, to: "cancelled" });
    input.status = "cancelled";
  } else if (change.status === "refunded") {
    if (row.status !== "paid" && row.status !== "refunded") throw invalidField("body.status", "invalid_order_transition", { from: row.status, to: "refunded" });
    input.status = "refunded";
  } else if (change.refundAmount !== undefined) {
    if (row.status !== "paid") throw invalidField("body.refundAmount", "invalid_order_transition", { from: row.status, to: "refunded" });
    if (row.refundedTotal + change.refundAmount > row.total) throw invalidField("body.refundAmount", "refund_exceeds_total");
    input.refundedTotal = row.refundedTotal + change.refundAmount;
  }
  return input;
}

export const ordersRouter = createRouter()
  .openapi(listOrdersRoute, async (c) => {
    const { cursor, limit, from, to, ...filters } = c.req.valid("query");
    const before = cursorTimeId(cursor);
    const scope = c.get("scope");
    const { timeZone } = from !== undefined || to !== undefined ? await getWorkspaceSettings(c.env, scope.workspaceId) : { timeZone: "" };
    const range = {
      from: from === undefined ? undefined : instant(from, timeZone, false),
      to: to === undefined ? undefined : instant(to, timeZone, true),
    };
    const rows = await orderListQuery(scope, { ...filters, ...range }, { before, limit });
    const people = await customersOfOrders(
      scope,
      rows.slice(0, limit).map((row) => row.customerId),
    );
    return c.json(
      toPage(rows, limit, (row) => [row.placedAt, row.id], (row) => ({ ...presentOrder(row), customer: people.get(row.customerId) ?? null })),
      200,
    );
  })
  .openapi(getOrderRoute, async (c) => {
    const revealPii = wantsReveal(c, c.req.valid("query").reveal);
    const detail = await detailOf(c.get("scope"), c.req.valid("param").id, revealPii);
    if (revealPii && detail.customer) await auditReveal(c, [detail.customer.id], "single");
    return c.json(detail, 200);
  })
  .openapi(createOrderRoute, async (c) => {
    const body = c.req.valid("json");
    const actor = actorOf(c);
    const scope = c.get("scope");
    const time = now();
    const placedAt = body.placedAt === undefined ? time : Date.parse(body.placedAt);
    if (placedAt > time + 5 * 60_000) throw invalidField("body.placedAt", "occurred_in_future");
    const { subtotal, total } = totalsOf(body);
    const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
    const { customerId } = await resolveOrderCustomer(scope, settings, body, actor.userId);
    const { orderId } = await recordOrder(c.env, scope, {
      customerId,
      source: "manual",
      status: body.status,
      currency: body.currency ?? settings.currency,
      subtotal,
      discount: body.discount,
      shipping: body.shipping,
      tax: body.tax,
      total,
      channel: body.channel ?? null,
      note: body.note ?? null,
      items: body.items,
      placedAt,
      by: actor.userId,
    });
    return c.json(await detailOf(scope, orderId), 201);
  })
  .openapi(updateOrderRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const row = await findOrder(scope, id);
    if (!row) throw notFound();
    await recordOrder(c.env, scope, changed(row, c.req.valid("json"), actorOf(c).userId));
    return c.json(await detailOf(scope, id), 200);
  });
