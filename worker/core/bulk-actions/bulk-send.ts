// A bulk send, SMS or e-mail: each customer of a chunk gets one message through the core's
// sendMessage, so consent (of the channel), an address, caps, the daily limit and quiet hours
// apply as to any other send. The idempotency key is the
// action and the customer: a chunk run again (its progress was never written) reports the messages
// it sent the first time instead of sending them twice. Results are counted by outcome.
import type { CustomerRow } from "../customers/customers.repository";
import type { WorkspaceScope } from "../data/database";
import { sendMessage, type MessageResult } from "../messaging/send-message";
import { channelOf, type BulkSend } from "./bulk-action.schemas";

/** D1 queries one send takes at most (the customer, its key, settings, identifiers and provider, caps, the message rows). */
const QUERIES_PER_SEND = 10;
/** The chunk's own: the job's start, the action, the page (and its search), the progress, events. */
const QUERIES_PER_CHUNK = 10;

/** Customers per chunk: what the plan's D1 queries per invocation allow (50 on the Free plan). */
export function sendChunkSize(env: Env): number {
  const budget = Number((env as unknown as Record<string, unknown>).D1_QUERIES_PER_INVOCATION) || 50;
  return Math.max(1, Math.min(100, Math.floor((budget - QUERIES_PER_CHUNK) / QUERIES_PER_SEND)));
}

/** `sent`, `recorded`, `deferred`, `failed` or `skipped_<reason>`: the words the progress counts by. */
export function outcomeOf(result: MessageResult): string {
  switch (result.status) {
    case "skipped":
      return `skipped_${result.reason}`;
    case "deferred":
    case "failed":
    // Kept by the outbox, which sends nothing: not to be counted as sent.
    case "recorded":
      return result.status;
    default:
      return "sent";
  }
}

export async function sendToEach(
  env: Env,
  scope: WorkspaceScope,
  action: { id: string; createdBy: string | null },
  change: BulkSend,
  rows: CustomerRow[],
): Promise<{ outcomes: Record<string, number>; changed: number }> {
  const outcomes: Record<string, number> = {};
  for (const row of rows) {
    const result = await sendMessage(env, scope, {
      customerId: row.id,
      channel: channelOf(change),
      purpose: change.purpose,
      ...(change.template !== undefined ? { template: change.template } : { body: change.body! }),
      ...(change.type === "send_email" && change.subject !== undefined ? { subject: change.subject } : {}),
      // A customer without a first or last name gets the text without it, rather than stopping the whole send.
      variables: { firstName: row.firstName ?? "", lastName: row.lastName ?? "" },
      idempotencyKey: `bulk:${action.id}:${row.id}`,
      sentBy: { userId: action.createdBy },
    });
    const outcome = outcomeOf(result);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return { outcomes, changed: (outcomes.sent ?? 0) + (outcomes.recorded ?? 0) + (outcomes.deferred ?? 0) };
}
