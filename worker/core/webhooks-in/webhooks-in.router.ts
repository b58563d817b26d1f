// The public receiver for shop webhooks, and the deliveries list and replay. The receiver
// verifies before it parses, stores before it answers, and processes after it has answered.
import { auditEntry, auditOrigin } from "../audit/audit";
import { CONNECTION_PLATFORMS, type ConnectionPlatform } from "../connections/connections.schema";
import { connectionForWebhook, connectionSecret, findConnection } from "../connections/connections.repository";
import { toIso } from "../data/clock";
import { cursorId, toPage } from "../data/cursor";
import { openWorkspace } from "../data/database";
import { notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { findDelivery, listDeliveries, resetForReplay, storeDelivery, type DeliveryRow } from "./deliveries.repository";
import { processDelivery } from "./process-delivery";
import { deliveryIdOf, isWooPing, keptHeaders, topicOf } from "./receive";
import { verifySignature } from "./verify-signature";
import { listDeliveriesRoute, receiveWebhookRoute, replayDeliveryRoute } from "./webhooks-in.routes";

const isPlatform = (value: string): value is ConnectionPlatform => (CONNECTION_PLATFORMS as readonly string[]).includes(value);

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
    const connection = isPlatform(platform) ? await connectionForWebhook(c.env, connectionId) : undefined;
    if (!connection || !connection.enabled || connection.platform !== platform) throw notFound();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const headers = c.req.raw.headers;
    if (connection.platform === "woocommerce" && isWooPing(headers, bytes)) return c.json({ ok: true as const }, 200);
    if (!(await verifySignature(connection.platform, await connectionSecret(c.env, connection), headers, bytes))) throw new Problem(401, "webhook_signature_invalid");

    const body = new TextDecoder().decode(bytes);
    const scope = openWorkspace(c.env, connection.workspaceId);
    const stored = await storeDelivery(scope, {
      connectionId: connection.id,
      platform: connection.platform,
      topic: topicOf(connection.platform, headers, body),
      deliveryId: await deliveryIdOf(connection.platform, headers, bytes),
      headers: keptHeaders(connection.platform, headers),
      body,
    });
    if (stored.duplicate) return c.json({ id: stored.id, status: "duplicate" as const }, 200);
    c.executionCtx.waitUntil(processDelivery(c.env, connection.workspaceId, stored.id));
    return c.json({ id: stored.id, status: "received" as const }, 202);
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
  });
