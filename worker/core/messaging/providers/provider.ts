// The one interface every delivery provider implements. A provider never throws for a
// delivery problem: it answers `failed` with a short error, and the message records it.
import { OutboundError } from "../../outbound/safe-fetch";
import type { MessageChannel } from "../messaging.schema";

export interface OutgoingMessage {
  /** Our message id, for providers that accept a reference. */
  id: string;
  channel: MessageChannel;
  /** Canonical mobile (+989121234567) or lower-cased e-mail. */
  to: string;
  subject: string | null;
  body: string;
}

export type SendOutcome =
  | { status: "sent" | "recorded"; providerMessageId?: string | null }
  | { status: "failed"; error: string };

/** A template kept at the provider ("pattern", "verify lookup"), by its name there, and its values. */
export interface ProviderTemplate {
  name: string;
  /** Placeholder name → value, already written in the customer's language. */
  values: Record<string, string>;
}

export interface MessageProvider {
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /**
   * Optional fast path for a transactional message whose template is mapped to one of the
   * provider's own: sent at once, without the review free text may wait for. `body` is the same
   * text rendered by core, for the record. Core uses `send` when a provider has no such method.
   */
  sendTemplate?(message: OutgoingMessage & { template: ProviderTemplate }): Promise<SendOutcome>;
}

/** Keeps an error short and free of a secret (an API key in a URL may appear in a fetch error). */
export function cleanError(error: unknown, secrets: readonly string[]): string {
  // Written to be shown: no URL, no secret, the same text for every kind of network failure.
  if (error instanceof OutboundError) return error.message;
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  let text = raw;
  for (const secret of secrets) if (secret) text = text.replaceAll(secret, "***");
  return text.slice(0, 300);
}
