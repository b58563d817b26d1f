// Turning one stored delivery into its effect: map the payload, find or create the customer, and
// hand the order to `recordOrder` (the one writer of orders, so a redelivery or the same state
// changes nothing and an update moves forward). The outcome is written on the delivery:
//   processed  something was written;  duplicate  nothing changed (already recorded);
//   rejected   the payload cannot be mapped (the reason names the field), replayable after a fix.
// Any other failure (the database, a bug) leaves it `received` for the sweep, up to MAX_ATTEMPTS.
import type { ConnectionRow } from "../connections/connections.repository";
import { findConnection } from "../connections/connections.repository";
import { openWorkspace, type WorkspaceScope } from "../data/database";
import { dispatchEvents } from "../delivery/dispatch";
import { Problem } from "../http/problem";
import { translate } from "../i18n/messages";
import type { OrderInput } from "../orders/order-contract";
import { recordOrder } from "../orders/record-order";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { countRefund, deliveryById, findShopOrder, noteFailedAttempt, settleDelivery, type DeliveryRow, type StoredOrderRow } from "./deliveries.repository";
import { mapDelivery } from "./mappings/map-delivery";
import { currencyOf, MappingError, minor, type Mapped } from "./mappings/mapped";
import { resolveCustomer } from "./resolve-customer";
import type { DeliveryStatus } from "./webhooks-in.schema";

export const MAX_ATTEMPTS = 5;

export interface Outcome {
  status: DeliveryStatus;
  reason: string | null;
  /** The customer the delivery is about, so that erasing them erases its body. */
  customerId?: string | null;
}

const processed = (reason: string | null = null, customerId: string | null = null): Outcome => ({ status: "processed", reason, customerId });
const duplicate = (reason: string | null = null, customerId: string | null = null): Outcome => ({ status: "duplicate", reason, customerId });

/** Processes the delivery and returns its status afterwards (`received` if it is to be retried). */
export async function processDelivery(env: Env, workspaceId: string, deliveryRowId: string): Promise<DeliveryStatus> {
  const scope = openWorkspace(env, workspaceId);
  const row = await deliveryById(scope, deliveryRowId);
  if (!row) return "rejected";
  try {
    const connection = await findConnection(scope, row.connectionId);
    const outcome = connection ? await apply(env, scope, connection, row) : { status: "rejected" as const, reason: "connection: removed" };
    await settleDelivery(scope, row.id, outcome);
    return outcome.status;
  } catch (error) {
    const rejection = rejectionOf(error);
    if (rejection) {
      await settleDelivery(scope, row.id, { status: "rejected", reason: rejection });
      return "rejected";
    }
    console.error("shop delivery processing failed; the sweep retries it", row.id, String(error));
    await noteFailedAttempt(scope, row, `processing failed: ${String((error as Error)?.message ?? error)}`, MAX_ATTEMPTS);
    return row.attempts + 1 >= MAX_ATTEMPTS ? "rejected" : "received";
  } finally {
    // Events written while processing (customer.created, order.paid, ...) go to the queue.
    await dispatchEvents(env, workspaceId, [...scope.pendingEvents]);
  }
}

/** A payload problem (mapping, or a 4xx refusal of the data) as the reason to show; null otherwise. */
export function rejectionOf(error: unknown): string | null {
  if (error instanceof MappingError) return error.message;
  if (error instanceof Problem && error.status < 500) {
    const fields = (error.options.errors ?? []).map((e) => `${e.path}: ${e.code}`);
    return [translate(error.code, "en"), ...fields].join(" ").slice(0, 1000);
  }
  return null;
}

async function apply(env: Env, scope: WorkspaceScope, connection: ConnectionRow, row: DeliveryRow): Promise<Outcome> {
  return applyMapped(env, scope, connection, mapDelivery(connection.platform, row.topic, row.body, connection.id), row.receivedAt);
}

/**
 * The effect of one mapped shop record, whether a webhook delivered it or a history import read
 * it from the shop's API: both go through here, so an order is one order however it arrived.
 */
export async function applyMapped(env: Env, scope: WorkspaceScope, connection: ConnectionRow, mapped: Mapped, receivedAt: number): Promise<Outcome> {
  switch (mapped.kind) {
    case "ignored":
      return processed(mapped.reason);
    case "customer": {
      const { cidKind, timeZone } = await getWorkspaceSettings(env, scope.workspaceId);
      const { customerId, changed } = await resolveCustomer(scope, cidKind, mapped.customer, timeZone);
      return changed ? processed(null, customerId) : duplicate(null, customerId);
    }
    case "order": {
      const { cidKind, timeZone } = await getWorkspaceSettings(env, scope.workspaceId);
      const { customerId } = await resolveCustomer(scope, cidKind, mapped.customer, timeZone);
      const result = await recordOrder(env, scope, { ...mapped.order, customerId, source: connection.platform, connectionId: connection.id, by: "shop" });
      return result.outcome === "unchanged" ? duplicate("order already recorded in this state", customerId) : processed(`order ${result.outcome}`, customerId);
    }
    case "order-deleted": {
      const stored = await findShopOrder(scope, connection.id, mapped.externalId);
      if (!stored) return processed(`order ${mapped.externalId} is not known here; nothing to cancel`);
      const result = await recordOrder(env, scope, { ...storedOrderInput(stored), status: "cancelled", externalUpdatedAt: Math.max(receivedAt, (stored.externalUpdatedAt ?? 0) + 1) });
      return result.outcome === "unchanged" ? duplicate(null, stored.customerId) : processed("order deleted in the shop: cancelled", stored.customerId);
    }
    case "refund": {
      const stored = await findShopOrder(scope, connection.id, mapped.orderExternalId);
      if (!stored) throw new MappingError(`order_id: order ${mapped.orderExternalId} has not been received yet; replay this delivery once it has`);
      const currency = currencyOf(stored.currency);
      const amount = mapped.amounts.reduce<number>((sum, value, i) => sum + Math.abs(minor(value, currency, `transactions.${i}.amount`)), 0);
      const counted = await countRefund(scope, { connectionId: connection.id, orderExternalId: mapped.orderExternalId, refundId: mapped.refundId, amount });
      const refundedTotal = Math.max(stored.refundedTotal, counted);
      if (refundedTotal === stored.refundedTotal) return duplicate("refund already counted", stored.customerId);
      const status = refundedTotal >= stored.total ? "refunded" : stored.status;
      const result = await recordOrder(env, scope, {
        ...storedOrderInput(stored),
        status,
        refundedTotal: Math.min(refundedTotal, stored.total),
        externalUpdatedAt: Math.max(mapped.at, (stored.externalUpdatedAt ?? 0) + 1),
      });
      return result.outcome === "unchanged" ? duplicate(null, stored.customerId) : processed(`refund counted: ${refundedTotal} of ${stored.total}`, stored.customerId);
    }
  }
}

/** A stored shop order as recordOrder takes it, to change one thing (status, refunded total). */
function storedOrderInput(order: StoredOrderRow): OrderInput {
  return {
    customerId: order.customerId,
    source: order.source,
    connectionId: order.connectionId,
    externalId: order.externalId,
    number: order.number,
    status: order.status,
    currency: order.currency,
    total: order.total,
    subtotal: order.subtotal,
    discount: order.discount,
    shipping: order.shipping,
    tax: order.tax,
    refundedTotal: order.refundedTotal,
    channel: order.channel,
    note: order.note,
    placedAt: order.placedAt,
    paidAt: order.paidAt,
    externalUpdatedAt: order.externalUpdatedAt,
    by: "shop",
  };
}
