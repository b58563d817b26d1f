// A message to a staff member of the workspace (the daily task digest), through the workspace's
// provider for the channel. Staff are not customers: no consent, frequency cap or quiet hours
// apply and nothing lands on a customer's timeline, but the message is written to the message log
// (marked as to staff, with its purpose and status) and is idempotent by key like any other.
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { claimMessage, completeMessage } from "./messages.repository";
import type { MessageChannel } from "./messaging.schema";
import { buildProvider } from "./provider-factory";
import type { StoredProvider } from "./provider-config";
import { findProvider } from "./providers.repository";
import { cleanError, type SendOutcome } from "./providers/provider";

export interface StaffMessage {
  userId: string;
  channel: MessageChannel;
  /** The person's own canonical mobile or e-mail. */
  to: string;
  subject: string | null;
  body: string;
  /** Namespaced by sender ("core:task-digest:…"); a repeated key sends nothing. */
  idempotencyKey: string;
}

/** The workspace's provider of each channel, when it is a real one (the outbox delivers nowhere). */
export async function staffProviders(scope: WorkspaceScope): Promise<Partial<Record<MessageChannel, StoredProvider>>> {
  const [sms, email] = await Promise.all([findProvider(scope, "sms"), findProvider(scope, "email")]);
  return { ...(sms.kind !== "outbox" ? { sms } : {}), ...(email.kind !== "outbox" ? { email } : {}) };
}

/** Sends one message to a staff member; "replayed" when its key was used before. */
export async function sendToStaff(scope: WorkspaceScope, provider: StoredProvider, message: StaffMessage, time: number): Promise<SendOutcome["status"] | "replayed"> {
  const claimed = await claimMessage(scope, {
    id: newId("msg", time),
    customerId: message.userId,
    staffUserId: message.userId,
    channel: message.channel,
    idempotencyKey: message.idempotencyKey,
    recipient: message.to,
    subject: message.subject,
    body: message.body,
    purpose: "transactional",
    status: "sending",
    providerKind: provider.kind,
    createdAt: time,
  });
  if (!claimed) return "replayed";
  let outcome: SendOutcome;
  try {
    outcome = await buildProvider(provider).send({ id: claimed.id, channel: message.channel, to: message.to, subject: message.subject, body: message.body });
  } catch (error) {
    outcome = { status: "failed", error: cleanError(error, Object.values(provider.secrets)) };
  }
  await completeMessage(scope, claimed.id, {
    status: outcome.status,
    completedAt: Date.now(),
    ...(outcome.status === "failed" ? { error: outcome.error } : { providerMessageId: outcome.providerMessageId ?? null }),
  });
  return outcome.status;
}
