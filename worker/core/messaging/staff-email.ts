// Messages to a staff member (a password-reset or recovery link by e-mail, a sign-in code by SMS,
// the daily task digest), through the workspace's provider for the channel. Not a customer message: no timeline
// row, no consent or quiet hours (they are transactional). Without a real provider (the default
// outbox only records) nothing can reach the person, so there is no sender and the caller decides
// what to do instead; the local development outbox is the one exception (dev-outbox.ts). Each
// message is recorded in staff_messages without its text, which holds a key to the account.
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { staffMessages } from "../data/schema";
import type { MessageChannel } from "./messaging.schema";
import { buildProvider } from "./provider-factory";
import { findProvider, providerForSending } from "./providers.repository";
import type { StaffMessagePurpose } from "./staff-messages.schema";

export interface StaffEmail {
  /** A reference for the provider (the reset's id). */
  id: string;
  to: string;
  subject: string;
  body: string;
}

export interface StaffMessage {
  userId: string;
  purpose: StaffMessagePurpose;
  /** Canonical mobile or e-mail. */
  to: string;
  subject: string | null;
  body: string;
}

/** Sends one account message; true when the provider accepted it (or the dev outbox kept it). */
export type StaffSender = (message: StaffMessage) => Promise<boolean>;

/** The channels whose provider can reach staff (a real one: the outbox delivers nowhere). */
export async function staffChannels(scope: WorkspaceScope): Promise<Record<MessageChannel, boolean>> {
  const [sms, email] = await Promise.all([findProvider(scope, "sms"), findProvider(scope, "email")]);
  return { sms: sms.kind !== "outbox", email: email.kind !== "outbox" };
}

/**
 * The sender for the channel, or null when nothing can reach staff on it. `devOutbox` is whether
 * the local development outbox counts (devOutboxOpen).
 */
export async function staffSender(env: Env, scope: WorkspaceScope, channel: MessageChannel, devOutbox: boolean): Promise<StaffSender | null> {
  const stored = await findProvider(scope, channel);
  if (stored.kind === "outbox" && !devOutbox) return null;
  const provider = buildProvider(await providerForSending(env, scope, stored));
  return async (message) => {
    const id = newId("stm");
    const outcome = await provider.send({ id, channel, to: message.to, subject: message.subject, body: message.body });
    const kept = stored.kind === "outbox";
    await scope.db.insert(staffMessages).values({
      id,
      workspaceId: scope.workspaceId,
      userId: message.userId,
      channel,
      purpose: message.purpose,
      recipient: message.to,
      providerKind: stored.kind,
      status: outcome.status,
      error: outcome.status === "failed" ? outcome.error : null,
      subject: kept ? message.subject : null,
      body: kept ? message.body : null,
      createdAt: now(),
    });
    return outcome.status !== "failed";
  };
}

/** Sends one account mail; true when the provider accepted it. */
export type StaffMailer = (mail: StaffEmail & { userId: string }) => Promise<boolean>;

/** The e-mail sender for an admin's reset link, which never counts the outbox: without a real provider the link goes to the owner. */
export async function staffMailer(env: Env, scope: WorkspaceScope): Promise<StaffMailer | null> {
  const send = await staffSender(env, scope, "email", false);
  return send && ((mail) => send({ userId: mail.userId, purpose: "password_reset", to: mail.to, subject: mail.subject, body: mail.body }));
}
