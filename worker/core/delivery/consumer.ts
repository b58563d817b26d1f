// The delivery queue's consumer: each message is one event; it is acknowledged once every
// target is delivered or dead, and retried with back-off otherwise. A batch stays within the
// plan's D1 queries per invocation however many plugins receive each event: when the next event
// might not fit (judged by the costliest one delivered in this batch), it and the rest go back
// to the queue untouched, for the next invocation.
import { withQueryCount } from "../data/d1-meter";
import { queriesPerInvocation } from "../import/chunk-rows";
import type { DeliveryTargetSource } from "./delivery-target";
import { deliverEvent } from "./deliver-event";
import { EventMessageSchema } from "./event-message";

export function eventConsumer(sources: readonly DeliveryTargetSource[]) {
  return async function consumeEvents(batch: MessageBatch<unknown>, env: Env, _ctx?: ExecutionContext): Promise<void> {
    const budget = queriesPerInvocation(env);
    const { env: countedEnv, usage } = withQueryCount(env);
    let costliest = 0;
    for (const message of batch.messages) {
      if (usage.calls > 0 && usage.calls + costliest > budget) {
        message.retry({ delaySeconds: 0 });
        continue;
      }
      const parsed = EventMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        console.error("dropping a malformed delivery message", message.id);
        message.ack();
        continue;
      }
      const before = usage.calls;
      try {
        const report = await deliverEvent(countedEnv, sources, parsed.data);
        if (report.retryInSeconds === null) message.ack();
        else message.retry({ delaySeconds: report.retryInSeconds });
      } catch (error) {
        // The database or a source failed before any target ran: try the whole message again.
        console.error("delivery failed before reaching its targets", String(error));
        message.retry({ delaySeconds: 30 });
      }
      costliest = Math.max(costliest, usage.calls - before);
    }
  };
}
