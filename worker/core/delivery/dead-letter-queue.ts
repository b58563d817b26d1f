// The consumer of the events queue's dead-letter queue: a message lands there when the runtime
// gave up on it (the consumer crashed or threw on every attempt). Each target of its event that
// has neither a receipt nor a dead-letter row gets a dead-letter row, so an admin sees it in
// /api/events/dead and can retry it; the event is then settled.
import { now } from "../data/clock";
import { newId } from "../data/ids";
import { eventDeliveries } from "../data/schema";
import { loadDeliveryState, remainingTargets, settleEntry } from "./delivery-state";
import type { DeliveryTargetSource } from "./delivery-target";
import { EventMessageSchema, type EventMessage } from "./event-message";

/** The dead-letter queue of the events queue, as named in wrangler.toml. */
export const EVENTS_DEAD_QUEUE_NAME = "edge-crm-events-dead";

/** Records a dead-letter row for every target still owed one; returns the targets recorded. */
export async function recordGivenUp(env: Env, sources: readonly DeliveryTargetSource[], message: EventMessage, reason: string): Promise<string[]> {
  const state = await loadDeliveryState(env, sources, message);
  if (!state) return [];
  const { scope, event } = state;
  const remaining = remainingTargets(state);
  const owed = state.targets.filter((target) => remaining.has(target.key)).map((target) => target.key);
  const time = now();
  const rows = owed.map((target) => {
    const attempts = state.recordOf.get(target)?.attempts ?? 0;
    const fields = { status: "dead" as const, attempts, lastError: reason, nextAttemptAt: null, updatedAt: time };
    return scope.db
      .insert(eventDeliveries)
      .values({ id: newId("dlv"), workspaceId: scope.workspaceId, eventId: event.id, target, ...fields })
      .onConflictDoUpdate({ target: [eventDeliveries.eventId, eventDeliveries.target], set: fields });
  });
  const settles = owed.length === remaining.size && state.settledAt === null ? [settleEntry(scope, event.id)] : [];
  const statements = [...rows, ...settles];
  if (statements.length) await scope.db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return owed;
}

export function deadLetterConsumer(sources: readonly DeliveryTargetSource[]) {
  return async function consumeGivenUp(batch: MessageBatch<unknown>, env: Env, _ctx?: ExecutionContext): Promise<void> {
    for (const message of batch.messages) {
      const parsed = EventMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        message.ack();
        continue;
      }
      try {
        await recordGivenUp(env, sources, parsed.data, "delivery gave up: the queue's attempts ran out before every receiver had it");
        message.ack();
      } catch (error) {
        // Retried; if it never succeeds, the sweeper re-sends the unsettled event later.
        console.error("recording a given-up delivery failed", String(error));
        message.retry({ delaySeconds: 60 });
      }
    }
  };
}
