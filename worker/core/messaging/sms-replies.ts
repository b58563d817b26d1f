// An inbound SMS: matched to the customer by the sender's mobile in any form, it becomes an
// inbound `sms` interaction on their timeline and a `message.received` event; an opt-out word
// also withdraws SMS consent (audited, noted on the timeline) and is confirmed once. A sender no
// customer has is kept in the unmatched list and creates nothing else. A reply the provider
// sends again (same reference) is recorded once.
import { and, desc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import { auditEntry } from "../audit/audit";
import { normalizeMobile } from "../cid/normalize-mobile";
import { findCustomer, findIdentifiers, isUniqueViolation } from "../customers/customers.repository";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { customers, interactions, messages, smsReplies } from "../data/schema";
import { eventEntry } from "../events/outbox";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { isOptOut, sendOptOutConfirmation } from "./opt-out";
import type { StoredProvider } from "./provider-config";
import type { InboundSms } from "./sms-callbacks";

export type ReplyOutcome = "matched" | "unmatched" | "repeated";
export type SmsReplyRow = typeof smsReplies.$inferSelect;

const REPLY_WINDOW_MS = 7 * 24 * 3_600_000;
const SYSTEM = { actorUserId: null, actorApiKeyId: null, ip: null, userAgent: "sms-reply" };

/** A reference for a reply whose provider gives none: its sender, time and text. */
async function referenceOf(reply: InboundSms, sender: string): Promise<string> {
  if (reply.ref) return reply.ref.slice(0, 200);
  const bytes = new TextEncoder().encode(`${sender}\n${reply.receivedAt ?? ""}\n${reply.text}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `sha256:${[...digest].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** The message this answers: the one the provider names, else the customer's latest SMS within 7 days. */
async function repliedMessageId(scope: WorkspaceScope, customerId: string, named: string | null, at: number): Promise<string | null> {
  const base = and(eq(messages.workspaceId, scope.workspaceId), eq(messages.customerId, customerId), eq(messages.channel, "sms"));
  if (named) {
    const row = await scope.db.select({ id: messages.id }).from(messages).where(and(base, eq(messages.id, named))).get();
    if (row) return row.id;
  }
  const latest = await scope.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(base, gte(messages.createdAt, at - REPLY_WINDOW_MS), sql`${messages.status} <> 'skipped'`))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1)
    .get();
  return latest?.id ?? null;
}

async function customerByMobile(scope: WorkspaceScope, mobile: string | null) {
  if (!mobile) return null;
  const [identifier] = await findIdentifiers(scope, [{ kind: "mobile", value: mobile }]);
  return identifier ? findCustomer(scope, identifier.customerId) : null;
}

export async function receiveReply(env: Env, scope: WorkspaceScope, provider: StoredProvider, reply: InboundSms): Promise<ReplyOutcome> {
  const mobile = normalizeMobile(reply.from);
  const sender = mobile ?? reply.from.slice(0, 40);
  const providerRef = await referenceOf(reply, sender);
  const seen = await scope.db.select({ id: smsReplies.id }).from(smsReplies).where(and(eq(smsReplies.workspaceId, scope.workspaceId), eq(smsReplies.providerRef, providerRef))).get();
  if (seen) return "repeated";

  const time = now();
  const receivedAt = reply.receivedAt !== null && reply.receivedAt <= time ? reply.receivedAt : time;
  const customer = await customerByMobile(scope, mobile);
  const row = { id: newId("smsr", time), workspaceId: scope.workspaceId, sender, text: reply.text, providerRef, receivedAt, createdAt: time };
  try {
    if (!customer) {
      await scope.db.insert(smsReplies).values({ ...row, customerId: null, interactionId: null, inReplyToMessageId: null, optOut: false });
      return "unmatched";
    }
    const inReplyToMessageId = await repliedMessageId(scope, customer.id, reply.inReplyToMessageId, receivedAt);
    const optOut = isOptOut(reply.text, provider.optOutWords);
    const withdraws = optOut && customer.consentSms !== "withdrawn";
    const interactionId = newId("int", time);
    const interaction = { workspaceId: scope.workspaceId, customerId: customer.id, channel: "sms", createdBy: null, staffUserId: null, createdAt: time };
    await scope.db.batch([
      scope.db.insert(smsReplies).values({ ...row, customerId: customer.id, interactionId, inReplyToMessageId, optOut }),
      scope.db.insert(interactions).values({ ...interaction, id: interactionId, type: "sms", direction: "inbound", summary: reply.text, occurredAt: receivedAt }),
      eventEntry(scope, "interaction.logged", { customerId: customer.id, interactionId, type: "sms" }, null),
      eventEntry(scope, "message.received", { customerId: customer.id, channel: "sms", text: reply.text, inReplyToMessageId, receivedAt }, null),
      ...(withdraws ? withdrawal(scope, customer.id, reply.text, time, interaction) : []),
    ]);
    if (withdraws && mobile) {
      const locale = (await getWorkspaceSettings(env, scope.workspaceId)).locale;
      await sendOptOutConfirmation(env, scope, provider, customer, mobile, customer.consentSmsAt ?? 0, locale);
    }
    return "matched";
  } catch (error) {
    // The same reply arriving twice at once: the unique reference let one of them in.
    if (isUniqueViolation(error)) return "repeated";
    throw error;
  }
}

/** Consent withdrawn, its audit row, a note on the timeline and `customer.updated`: one batch with the reply. */
function withdrawal(scope: WorkspaceScope, customerId: string, word: string, time: number, interaction: { workspaceId: string; customerId: string; channel: string; createdBy: null; staffUserId: null; createdAt: number }) {
  return [
    scope.db
      .update(customers)
      .set({ consentSms: "withdrawn", consentSmsAt: time, updatedAt: time })
      .where(and(eq(customers.workspaceId, scope.workspaceId), eq(customers.id, customerId))),
    auditEntry(scope, SYSTEM, { action: "customer.consent_withdrawn", entityType: "customer", entityId: customerId, customerId, details: { channel: "sms", via: "sms_reply", word: word.slice(0, 30) } }),
    scope.db.insert(interactions).values({ ...interaction, id: newId("int", time + 1), type: "note", direction: "internal", summary: `SMS consent withdrawn by reply “${word.slice(0, 30)}”`, occurredAt: time }),
    eventEntry(scope, "customer.updated", { customerId, changed: ["consent.sms"] }, null),
  ];
}

/** Unmatched replies, newest first, keyset-paged over (received_at, id) on the partial index. */
export function unmatchedRepliesQuery(scope: WorkspaceScope, before: { at: number; id: string } | null, limit: number) {
  const older = before ? or(lt(smsReplies.receivedAt, before.at), and(eq(smsReplies.receivedAt, before.at), lt(smsReplies.id, before.id))) : undefined;
  return scope.db
    .select()
    .from(smsReplies)
    .where(and(eq(smsReplies.workspaceId, scope.workspaceId), isNull(smsReplies.customerId), older))
    .orderBy(desc(smsReplies.receivedAt), desc(smsReplies.id))
    .limit(limit + 1);
}
