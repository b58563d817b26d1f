// The after-order trigger: each paid order queues one send per active after-order survey, due
// `delayDays` later (the hourly run asks it then, throttle and caps applying at that moment).
import type { DeliveredEvent, HookContext } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { queueAfterOrder } from "./queue";
import type { NpsSettings } from "./settings";
import { afterOrderSurveys } from "./surveys";

export async function queueOnPaidOrder(event: DeliveredEvent<string, { customerId: string; orderId: string }>, ctx: HookContext<NpsSettings, NpsEvents>): Promise<void> {
  const surveys = await afterOrderSurveys(ctx);
  ctx.write(...surveys.map((survey) => queueAfterOrder(ctx, survey, event.payload.customerId, event.payload.orderId, event.createdAt)));
}
