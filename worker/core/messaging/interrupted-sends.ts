// A message is `sending` only while its provider is being called. One still `sending` long after
// it went out lost its worker in the middle of that call (a crash, a timeout, a deploy): nobody
// knows whether the provider took it, so it is never sent again (a customer must not get it twice)
// but closed as failed with that reason, and `message.failed` tells whoever sent it (a campaign, a
// flow, a survey): nothing is left hanging unseen. The cron closes a few per tick.
import { and, eq, sql } from "drizzle-orm";
import { now } from "../data/clock";
import { openDirectory, openWorkspace, type Database } from "../data/database";
import { messages } from "../data/schema";
import { eventEntryIfChanged } from "../events/outbox";

/** Far beyond a provider call's own time limit (10 s) and a queue's retry. */
export const INTERRUPTED_AFTER_MS = 15 * 60_000;
/** Each takes one batch: a tick stays far within its D1 budget; the next tick takes the rest. */
const PER_TICK = 5;
export const INTERRUPTED_ERROR = "interrupted: no answer from the provider was recorded; it may or may not have gone out (see the provider's panel)";

// due_at is the moment a deferred message went out (claimDeferred); others went out when created.
const wentOutAt = sql`coalesce(${messages.dueAt}, ${messages.createdAt})`;
const IS_SENDING = sql`${messages.status} = 'sending'`;

/** The in-flight messages that went out before `before`, across workspaces, from their partial index. */
export function interruptedSendsQuery(db: Database, before: number, limit: number) {
  return db
    .select({ id: messages.id, workspaceId: messages.workspaceId, customerId: messages.customerId, channel: messages.channel, purpose: messages.purpose, sentByPlugin: messages.sentByPlugin })
    .from(messages)
    .where(and(IS_SENDING, sql`${wentOutAt} < ${before}`))
    .limit(limit);
}

export async function closeInterruptedSends(env: Env, at = now()): Promise<{ closed: number }> {
  const stuck = await interruptedSendsQuery(openDirectory(env), at - INTERRUPTED_AFTER_MS, PER_TICK);
  let closed = 0;
  for (const message of stuck) {
    const scope = openWorkspace(env, message.workspaceId);
    const thisMessage = and(eq(messages.workspaceId, message.workspaceId), eq(messages.id, message.id))!;
    // Only a row still `sending`: a provider answer that lands meanwhile wins, and no event is written.
    const [[row]] = await scope.db.batch([
      scope.db.update(messages).set({ status: "failed", error: INTERRUPTED_ERROR, completedAt: at }).where(and(thisMessage, IS_SENDING)).returning({ id: messages.id }),
      eventEntryIfChanged(
        scope,
        "message.failed",
        { messageId: message.id, customerId: message.customerId, channel: message.channel, purpose: message.purpose, sentByPlugin: message.sentByPlugin, reason: INTERRUPTED_ERROR },
        { table: messages, where: thisMessage },
      ),
    ]);
    if (row) closed += 1;
  }
  return { closed };
}
