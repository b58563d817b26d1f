// The messaging shapes the UI reads and writes (the API's, in worker/core/messaging and the plugin
// API's messaging contract), kept in one place for the composer, the log and the settings.
export type MessageChannel = "sms" | "email";
export type MessagePurpose = "transactional" | "marketing";
export const PURPOSES: MessagePurpose[] = ["transactional", "marketing"];

export type MessageStatus = "deferred" | "sending" | "sent" | "recorded" | "delivered" | "failed" | "skipped";
export const MESSAGE_STATUSES: MessageStatus[] = ["deferred", "sending", "sent", "recorded", "delivered", "failed", "skipped"];

export type SkipReason = "no_consent" | "no_address" | "capped" | "daily_limit";

export interface Money {
  amount: number;
  currency: string;
}

/** Parts, characters and encoding of an SMS text, as the shared counter and the preview give them. */
export interface SmsCount {
  encoding: "gsm7" | "ucs2";
  characters: number;
  parts: number;
  charactersLeft: number;
}

/** POST /api/messaging/preview. */
export interface SmsPreview extends SmsCount {
  /** The text counted (a template's, filled with sample values). */
  text: string;
  cost: Money | null;
  recipients: number;
  totalCost: Money | null;
}

/** A saved template (GET /api/messaging/templates): its text per language. */
export interface MessageTemplate {
  id: string;
  name: string;
  channel: MessageChannel;
  purpose: MessagePurpose;
  text: { fa: string; en: string };
  subject: { fa: string; en: string } | null;
  /** The provider's own template ("pattern") it stands for: transactional sends take the fast path. */
  providerTemplate: string | null;
  updatedAt: string;
}

/** A message as the API gives it back (a send's answer, the log's rows, the timeline). */
export interface SentMessage {
  id: string;
  customerId: string;
  channel: MessageChannel;
  purpose?: MessagePurpose;
  status: MessageStatus;
  reason: SkipReason | null;
  /** When a deferred message goes out. */
  dueAt?: string | null;
  to: string | null;
  body: string;
  error: string | null;
  createdAt: string;
}
