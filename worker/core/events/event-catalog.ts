// Every core event's name and payload schema. Hooks are typed from these, and the event table
// in PLUGINS.md is generated from them.
import { z } from "@hono/zod-openapi";

const customerRef = { customerId: z.string() };
const messageRef = {
  messageId: z.string(),
  customerId: z.string(),
  channel: z.enum(["sms", "email"]),
  purpose: z.enum(["transactional", "marketing"]),
  sentByPlugin: z.string().nullable(),
};

export const coreEvents = {
  "customer.created": z.object({ ...customerRef, cid: z.string().nullable(), code: z.string() }),
  "customer.updated": z.object({ ...customerRef, changed: z.array(z.string()) }),
  "customer.merged": z.object({ survivorId: z.string(), mergedId: z.string() }),
  "customer.deleted": z.object(customerRef),
  "interaction.logged": z.object({ ...customerRef, interactionId: z.string(), type: z.string() }),
  "task.created": z.object({ taskId: z.string(), customerId: z.string().nullable(), assigneeUserId: z.string().nullable() }),
  "order.created": z.object({ ...customerRef, orderId: z.string(), status: z.string(), total: z.number().int(), currency: z.string(), source: z.string() }),
  "order.paid": z.object({ ...customerRef, orderId: z.string(), total: z.number().int(), currency: z.string() }),
  "order.refunded": z.object({ ...customerRef, orderId: z.string(), refundedTotal: z.number().int(), total: z.number().int(), currency: z.string(), full: z.boolean() }),
  "customer.stage_changed": z.object({ ...customerRef, from: z.string(), to: z.string(), cause: z.string() }),
  "message.delivered": z.object(messageRef),
  "message.failed": z.object({ ...messageRef, reason: z.string() }),
  // Only for a sender matched to a customer; the message replied to is the provider's reference,
  // else the customer's latest message on the channel within 7 days, else null.
  "message.received": z.object({ ...customerRef, channel: z.literal("sms"), text: z.string(), inReplyToMessageId: z.string().nullable(), receivedAt: z.number().int() }),
  // Once per message: the first click on its short link.
  "message.clicked": z.object({ messageId: z.string(), customerId: z.string(), code: z.string(), url: z.string() }),
} as const;

export type CoreEventName = keyof typeof coreEvents;
export type CoreEventPayload<N extends CoreEventName> = z.infer<(typeof coreEvents)[N]>;
