// The delivery queue's consumer: each message is one event; it is acknowledged once every
// target is delivered or dead, and retried with back-off otherwise.
import type { DeliveryTargetSource } from "./delivery-target";
import { deliverEvent } from "./deliver-event";
import { EventMessageSchema } from "./event-message";

export function eventConsumer(sources: readonly DeliveryTargetSource[]) {
  return async function consumeEvents(batch: MessageBatch<unknown>, env: Env, _ctx?: ExecutionContext): Promise<void> {
    for (const message of batch.messages) {
      const parsed = EventMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        console.error("dropping a malformed delivery message", message.id);
        message.ack();
        continue;
      }
      try {
        const report = await deliverEvent(env, sources, parsed.data);
        if (report.retryInSeconds === null) message.ack();
        else message.retry({ delaySeconds: report.retryInSeconds });
      } catch (error) {
        // The database or a source failed before any target ran: try the whole message again.
        console.error("delivery failed before reaching its targets", String(error));
        message.retry({ delaySeconds: 30 });
      }
    }
  };
}
