// Answers by SMS reply: a reply that is a number 0–10 ("۹", "10", "ده") scores the survey it
// answers: the send whose message it replies to, else the customer's latest SMS survey still open.
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { DeliveredEvent, HookContext } from "../../worker/plugin-api";
import { recordAnswer, type SendRow } from "./answers";
import type { NpsEvents } from "./events";
import { scoreFromReply } from "./scoring";
import { npsSends } from "./schema";
import type { NpsSettings } from "./settings";

type Ctx = HookContext<NpsSettings, NpsEvents>;
type Received = { customerId: string; channel: string; text: string; inReplyToMessageId: string | null; receivedAt: number };

async function repliedSend(ctx: Ctx, reply: Received): Promise<SendRow | undefined> {
  const mine = eq(npsSends.workspaceId, ctx.workspaceId);
  if (reply.inReplyToMessageId) {
    const send = await ctx.db.select().from(npsSends).where(and(mine, eq(npsSends.messageId, reply.inReplyToMessageId))).get();
    if (send) return send.customerId === reply.customerId ? send : undefined;
  }
  return ctx.db
    .select()
    .from(npsSends)
    .where(and(mine, eq(npsSends.customerId, reply.customerId), isNotNull(npsSends.sentAt)))
    .orderBy(desc(npsSends.sentAt))
    .limit(1)
    .get();
}

export async function scoreReply(event: DeliveredEvent<string, Received>, ctx: Ctx): Promise<void> {
  if (event.payload.channel !== "sms") return;
  const score = scoreFromReply(event.payload.text);
  if (score === null) return;
  const send = await repliedSend(ctx, event.payload);
  if (!send) return;
  // recordAnswer writes its own batch (one response per send): a redelivery finds it and changes nothing.
  await recordAnswer(ctx, send, score, "sms");
}
