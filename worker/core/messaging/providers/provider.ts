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

/** A send through one of the provider's own approved templates ("pattern" / "verify lookup"). */
export interface OutgoingTemplate {
  id: string;
  /** Canonical mobile (+989121234567). */
  to: string;
  /** The provider's name or code of the template, as registered in its panel. */
  template: string;
  /** The template's placeholders by name, in the order the template declares them. */
  variables: Record<string, string>;
}

export interface MessageProvider {
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /** The provider's fast path for transactional text; absent where the provider has none. */
  sendTemplate?(message: OutgoingTemplate): Promise<SendOutcome>;
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
