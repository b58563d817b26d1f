// The public receiver for shop webhooks, and the deliveries list and replay. The receiver
// verifies before it parses, stores before it answers, and processes after it has answered.
import { auditEntry, auditOrigin } from "../audit/audit";
import { connectionSecret, findConnection } from "../connections/connections.repository";
import { toIso } from "../data/clock";
import { cursorId, toPage } from "../data/cursor";
import { now } from "../data/clock";
import { notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { deliveryById, findDelivery, listDeliveries, resetForReplay, type DeliveryRow } from "./deliveries.repository";
import { processDelivery } from "./process-delivery";
import { receiveDelivery } from "./receive-delivery";
import { testDelivery } from "./test-delivery";
import { listDeliveriesRoute, receiveWebhookRoute, replayDeliveryRoute, sendTestDeliveryRoute } from "./webhooks-in.routes";

function presentDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    deliveryId: row.deliveryId,
    topic: row.topic,
    status: row.status,
    reason: row.reason,
    redeliveries: row.redeliveries,
    attempts: row.attempts,
    receivedAt: toIso(row.receivedAt)!,
    processedAt: toIso(row.processedAt),
  };
}

export const webhooksInRouter = createRouter()
  .openapi(receiveWebhookRoute, async (c) => {
    const { platform, connectionId } = c.req.valid("param");
    const receipt = await receiveDelivery(c.env, platform, connectionId, c.req.raw.headers, new Uint8Array(await c.req.arrayBuffer()));
    if (receipt.ping) return c.json({ ok: true as const }, 200);
    if (receipt.duplicate) return c.json({ id: receipt.id, status: "duplicate" as const }, 200);
    if (receipt.processing) c.executionCtx.waitUntil(receipt.processing);
    return c.json({ id: receipt.id, status: "received" as const }, 202);
  })
  .openapi(listDeliveriesRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { cursor, limit, status } = c.req.valid("query");
    const scope = c.get("scope");
    if (!(await findConnection(scope, id))) throw notFound();
    const rows = await listDeliveries(scope, id, status, cursorId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.id], presentDelivery), 200);
  })
  .openapi(replayDeliveryRoute, async (c) => {
    const { id, deliveryId } = c.req.valid("param");
    const scope = c.get("scope");
    if (!(await findConnection(scope, id))) throw notFound();
    const delivery = await findDelivery(scope, id, deliveryId);
    if (!delivery) throw notFound();
    await resetForReplay(scope, delivery.id);
    const status = await processDelivery(c.env, scope.workspaceId, delivery.id);
    await auditEntry(scope, auditOrigin(c), {
      action: "connection.delivery_replayed",
      entityType: "connection",
      entityId: id,
      details: { deliveryId: delivery.id, topic: delivery.topic, status },
    }).run();
    return c.json(presentDelivery((await findDelivery(scope, id, deliveryId))!), 200);
  })
  .openapi(sendTestDeliveryRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const connection = await findConnection(scope, id);
    if (!connection) throw notFound();
    const sample = await testDelivery(connection.platform, await connectionSecret(c.env, connection), now());
    const audit = (outcome: string) =>
      auditEntry(scope, auditOrigin(c), { action: "connection.test_sent", entityType: "connection", entityId: id, details: { platform: connection.platform, outcome } }).run();
    let receipt;
    try {
      receipt = await receiveDelivery(c.env, connection.platform, connection.id, new Headers(sample.headers), new TextEncoder().encode(sample.body));
    } catch (error) {
      if (!(error instanceof Problem) || (error.status !== 404 && error.status !== 401)) throw error;
      // The receiver answers a disabled connection as it answers an unknown one (404).
      const refusal = error.status === 404 ? ("connection_disabled" as const) : ("webhook_signature_invalid" as const);
      await audit("refused");
      return c.json({ outcome: "refused" as const, refusal, reason: null, delivery: null }, 200);
    }
    if (receipt.ping) throw new Problem(500, "internal_error");
    await receipt.processing;
    const delivery = (await deliveryById(scope, receipt.id))!;
    await audit(delivery.status);
    const outcome = delivery.status === "duplicate" ? "processed" : delivery.status;
    return c.json({ outcome, refusal: null, reason: delivery.reason, delivery: presentDelivery(delivery) }, 200);
  });
