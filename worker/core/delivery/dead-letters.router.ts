// Handlers for the dead-letter list.
import { auditOrigin } from "../audit/audit";
import { toIso } from "../data/clock";
import { decodeCursor, toPage } from "../data/cursor";
import { invalidField, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { deadDeliveries, findDelivery, markRetrying } from "./dead-letters.repository";
import { listDeadRoute, retryDeadRoute } from "./dead-letters.routes";
import type { EventMessage } from "./event-message";

export const deadLettersRouter = createRouter()
  .openapi(listDeadRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && typeof after?.[0] !== "string") throw invalidField("query.cursor", "invalid_cursor");
    const rows = await deadDeliveries(c.get("scope"), (after?.[0] as string | undefined) ?? null, limit);
    return c.json(
      toPage(rows, limit, (row) => [row.delivery.id], (row) => ({
        id: row.delivery.id,
        eventId: row.delivery.eventId,
        eventName: row.eventName,
        target: row.delivery.target,
        attempts: row.delivery.attempts,
        lastError: row.delivery.lastError,
        failedAt: toIso(row.delivery.updatedAt)!,
        eventCreatedAt: toIso(row.eventCreatedAt)!,
      })),
      200,
    );
  })
  .openapi(retryDeadRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const delivery = await findDelivery(scope, id);
    if (!delivery) throw new Problem(404, "not_found");
    if (delivery.status !== "dead") throw new Problem(409, "delivery_not_dead");
    await markRetrying(scope, auditOrigin(c), delivery);
    await c.env.EVENTS_QUEUE.send({ workspaceId: scope.workspaceId, eventId: delivery.eventId, target: delivery.target } satisfies EventMessage);
    return c.json({ id, status: "retrying" as const }, 202);
  });
