// Deferred messages (marketing asked for in quiet hours, or anything with a later notBefore) are
// sent by core when due: each cron tick reads the due ones from a small partial index and hands
// them to the jobs queue in groups; the consumer takes each message (deferred → sending, so a
// message queued twice or woken by two ticks is sent once), checks consent again, and sends it.
import { z } from "@hono/zod-openapi";
import { findCustomer, identifiersOf } from "../customers/customers.repository";
import { now } from "../data/clock";
import { openDirectory, openWorkspace, type WorkspaceScope } from "../data/database";
import { claimDeferred, completeMessage, dueMessagesQuery, type MessageRow } from "./messages.repository";
import { findProvider, providerForSending } from "./providers.repository";
import { consentSkip, deliver, recipientOf } from "./send-message";

/** Read per tick; the next tick takes the rest (oldest due first). */
const DUE_PER_TICK = 300;
/** Per queue message: each send takes about six queries, well within a plan's 50 per invocation. */
const MESSAGES_PER_JOB = 6;

export const DueMessagesJobSchema = z.object({ type: z.literal("messages.due"), workspaceId: z.string(), messageIds: z.array(z.string()).min(1).max(MESSAGES_PER_JOB) });
export type DueMessagesJob = z.infer<typeof DueMessagesJobSchema>;

/** The cron's part: due deferred messages to the jobs queue, grouped by workspace. */
export async function queueDueMessages(env: Env, at = now()): Promise<{ queued: number }> {
  const due = await dueMessagesQuery(openDirectory(env), at, DUE_PER_TICK);
  const byWorkspace = Map.groupBy(due, (row) => row.workspaceId);
  const jobs: Array<{ body: DueMessagesJob }> = [];
  for (const [workspaceId, rows] of byWorkspace) {
    for (let start = 0; start < rows.length; start += MESSAGES_PER_JOB) {
      jobs.push({ body: { type: "messages.due", workspaceId, messageIds: rows.slice(start, start + MESSAGES_PER_JOB).map((row) => row.id) } });
    }
  }
  // sendBatch takes at most 100 messages.
  for (let start = 0; start < jobs.length; start += 100) await env.JOBS_QUEUE.sendBatch(jobs.slice(start, start + 100));
  return { queued: due.length };
}

/** The jobs queue's part: send each message of the group that is still deferred. */
export async function sendDueMessages(env: Env, job: DueMessagesJob): Promise<MessageRow[]> {
  const scope = openWorkspace(env, job.workspaceId);
  const done: MessageRow[] = [];
  for (const messageId of job.messageIds) {
    const row = await sendDeferred(env, scope, messageId);
    if (row) done.push(row);
  }
  return done;
}

/** One deferred message: taken once, its consent and address read afresh, then sent or skipped. */
async function sendDeferred(env: Env, scope: WorkspaceScope, messageId: string): Promise<MessageRow | null> {
  const message = await claimDeferred(scope, messageId);
  if (!message) return null; // already taken by another waker, or no longer deferred
  const customer = await findCustomer(scope, message.customerId);
  const identifiers = customer ? ((await identifiersOf(scope, [customer.id])).get(customer.id) ?? []) : [];
  const recipient = customer ? recipientOf(customer, identifiers, message.channel) : null;
  // An erased or deleted customer has no address left.
  const skipReason = customer ? consentSkip(customer, message.channel, recipient) : "no_address";
  if (skipReason) {
    const [row] = await completeMessage(scope, message.id, { status: "skipped", skipReason, completedAt: now() });
    return row ?? null;
  }
  const provider = await providerForSending(env, scope, await findProvider(scope, message.channel));
  return deliver(scope, { ...message, recipient }, provider);
}
