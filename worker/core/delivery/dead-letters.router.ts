// Handlers for the dead-letter list.
import { and, desc, eq, lt } from "drizzle-orm";
import { auditEntry, auditOrigin } from "../audit/audit";
import { now, toIso } from "../data/clock";
import { decodeCursor, toPage } from "../data/cursor";
import { eventDeliveries, events } from "../data/schema";
import { invalidField, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { listDeadRoute, retryDeadRoute } from "./dead-letters.routes";
import type { EventMessage } from "./event-message";

export const deadLettersRouter = createRouter()
  .openapi(listDeadRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && typeof after?.[0] !== "string") throw invalidField("query.cursor", "invalid_cursor");
    const scope = c.get("scope");
    const rows = await scope.db
      .select({ delivery: eventDeliveries, eventName: events.name, eventCreatedAt: events.createdAt })
      .from(eventDeliveries)
      .innerJoin(events, and(eq(events.id, eventDeliveries.eventId), eq(events.workspaceId, eventDeliveries.workspaceId)))
      .where(and(eq(eventDeliveries.workspaceId, scope.workspaceId), eq(eventDeliveries.status, "dead"), after ? lt(eventDeliveries.id, after[0] as string) : undefined))
      .orderBy(desc(eventDeliveries.id))
      .limit(limit + 1);
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
    const delivery = await scope.db
      .select()
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.workspaceId, scope.workspaceId), eq(eventDeliveries.id, id)))
      .get();
    if (!delivery) throw new Problem(404, "not_found");
    if (delivery.status !== "dead") throw new Problem(409, "delivery_not_dead");
    await scope.db.batch([
      scope.db.update(eventDeliveries).set({ status: "retrying", updatedAt: now() }).where(eq(eventDeliveries.id, id)),
      auditEntry(scope, auditOrigin(c), { action: "event.delivery_retried", entityType: "event", entityId: delivery.eventId, details: { target: delivery.target } }),
    ]);
    await c.env.EVENTS_QUEUE.send({ workspaceId: scope.workspaceId, eventId: delivery.eventId, target: delivery.target } satisfies EventMessage);
    return c.json({ id, status: "retrying" as const }, 202);
  });
