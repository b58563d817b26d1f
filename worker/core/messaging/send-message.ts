// Sending one message to one customer: the service behind the API route, plugins' `messaging`
// and the UI's quick action. In order: the customer must be live; the key is claimed by inserting
// the message row (so the same key never sends twice, even when callers race); consent and an
// address are checked (a refusal is written as a skipped message the timeline can explain); then
// the provider is called and its answer recorded. A provider failure is a `failed` message, never
// an exception.
import { z } from "@hono/zod-openapi";
import { findCustomer, identifiersOf, type CustomerRow, type IdentifierRow } from "../customers/customers.repository";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { notFound, Problem } from "../http/problem";
import { IdempotencyKey, type MessageView } from "./message.schemas";
import { claimMessage, completeMessage, findMessageByKey, presentMessage, type MessageRow } from "./messages.repository";
import { MESSAGE_CHANNELS, type MessageChannel, type SkipReason } from "./messaging.schema";
import { buildProvider } from "./provider-factory";
import { findProvider, providerForSending } from "./providers.repository";
import { cleanError, type SendOutcome } from "./providers/provider";

const SendMessageInput = z.object({
  customerId: z.string().min(1).max(64),
  channel: z.enum(MESSAGE_CHANNELS),
  subject: z.string().max(200).optional(),
  body: z.string().min(1).max(5000),
  idempotencyKey: IdempotencyKey,
  sentBy: z.object({ userId: z.string().max(64).nullish(), plugin: z.string().max(64).nullish() }).optional(),
});
export type SendMessageInput = z.input<typeof SendMessageInput>;

export type MessageResult = {
  messageId: string;
  /** True when the key had been used: this call sent nothing and reports the first call's message. */
  replayed: boolean;
  message: MessageView;
} & (
  | { status: "sent" | "recorded" | "delivered"; providerMessageId: string | null }
  | { status: "failed"; error: string }
  | { status: "skipped"; reason: SkipReason }
  // Another call holding the same key has not heard back from the provider yet.
  | { status: "sending" }
);

function resultOf(row: MessageRow, replayed: boolean): MessageResult {
  const common = { messageId: row.id, replayed, message: presentMessage(row) };
  switch (row.status) {
    case "sent":
    case "recorded":
    case "delivered":
      return { ...common, status: row.status, providerMessageId: row.providerMessageId };
    case "failed":
      return { ...common, status: "failed", error: row.error ?? "failed" };
    case "skipped":
      return { ...common, status: "skipped", reason: row.skipReason ?? "no_address" };
    case "sending":
      return { ...common, status: "sending" };
  }
}

/** The address for the channel: the customer's CID when it is of that kind, else the oldest one. */
function recipientOf(customer: CustomerRow, identifiers: IdentifierRow[], channel: MessageChannel): string | null {
  const kind = channel === "sms" ? "mobile" : "email";
  const candidates = identifiers.filter((identifier) => identifier.kind === kind);
  return (candidates.find((identifier) => identifier.value === customer.cid) ?? candidates[0])?.value ?? null;
}

function skipReasonOf(customer: CustomerRow, channel: MessageChannel, recipient: string | null): SkipReason | null {
  const consent = channel === "sms" ? customer.consentSms : customer.consentEmail;
  if (consent !== "granted") return "no_consent";
  return recipient === null ? "no_address" : null;
}

// Keys are per sender, so a key typed by staff can never use up a plugin's key.
const namespacedKey = (key: string, plugin: string | null | undefined) => (plugin ? `plugin:${plugin}:${key}` : `core:${key}`);

export async function sendMessage(
  env: Env,
  scope: WorkspaceScope,
  input: { customerId: string; channel: "sms" | "email"; subject?: string; body: string; idempotencyKey: string; sentBy?: { userId?: string | null; plugin?: string | null } },
): Promise<MessageResult> {
  const { customerId, channel, subject, body, idempotencyKey, sentBy } = SendMessageInput.parse(input);
  const customer = await findCustomer(scope, customerId);
  if (!customer) throw notFound();
  const key = namespacedKey(idempotencyKey, sentBy?.plugin);
  const earlier = await findMessageByKey(scope, key);
  if (earlier) return replay(earlier, customerId, channel);

  const [identifiers, stored] = await Promise.all([identifiersOf(scope, [customerId]), findProvider(scope, channel)]);
  const recipient = recipientOf(customer, identifiers.get(customerId) ?? [], channel);
  const skipReason = skipReasonOf(customer, channel, recipient);
  // Opened before the key is claimed: secrets that cannot be read fail the request, not the message.
  const provider = skipReason ? stored : await providerForSending(env, scope, stored);
  const time = now();
  const claimed = await claimMessage(scope, {
    id: newId("msg", time),
    customerId,
    channel,
    idempotencyKey: key,
    recipient,
    subject: channel === "email" ? (subject ?? "") : null,
    body,
    status: skipReason ? "skipped" : "sending",
    skipReason,
    providerKind: skipReason ? null : provider.kind,
    sentByUserId: sentBy?.userId ?? null,
    sentByPlugin: sentBy?.plugin ?? null,
    createdAt: time,
    completedAt: skipReason ? time : null,
  });
  // Lost the race for the key: the winner sends; this call reports what it did.
  if (!claimed) return replay((await findMessageByKey(scope, key))!, customerId, channel);
  if (claimed.status === "skipped") return resultOf(claimed, false);

  let outcome: SendOutcome;
  try {
    outcome = await buildProvider(provider).send({ id: claimed.id, channel, to: recipient!, subject: claimed.subject, body });
  } catch (error) {
    outcome = { status: "failed", error: cleanError(error, Object.values(provider.secrets)) };
  }
  const completed = await completeMessage(scope, claimed.id, {
    status: outcome.status,
    providerMessageId: outcome.status === "failed" ? null : (outcome.providerMessageId ?? null),
    error: outcome.status === "failed" ? outcome.error : null,
    completedAt: now(),
  });
  return resultOf(completed, false);
}

/** A key already used: the first message's result, unless the key was used for something else. */
function replay(row: MessageRow, customerId: string, channel: MessageChannel): MessageResult {
  if (row.customerId !== customerId || row.channel !== channel) throw new Problem(409, "idempotency_key_reused");
  return resultOf(row, true);
}
