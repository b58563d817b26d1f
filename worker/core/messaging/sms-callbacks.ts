// Reading a provider's callback: the delivery reports and inbound SMS it carries, in each
// provider's documented form. Intermediate states (queued, sent to the operator) carry nothing
// to record and are left out; what cannot be read is left out too, never guessed.
//   Kavenegar (kavenegar.com/rest.html, "callback"): form or query fields — a report has
//     `messageid` and `status` (10 delivered; 6 failed, 11 undelivered, 13 cancelled, 14 blocked);
//     a reply has `messageid`, `from`, `to`, `message`.
//   IPPanel Edge (ippanelcom/Edge-Document, docs/report/bulk-recipient.md and inbox-report.md):
//     JSON, one item or `{ data: [...] }` — a report has `bulk_id` (the `message_outbox_id` of the
//     send), `recipient`, `message_status` (2 delivered; 3 not delivered, 4 blacklisted); a reply
//     has `messages_inbox_id`, `from`, `number`, `message`, `time` (epoch seconds).
//   SMS.ir v1 (apidocs.sms.ir, delivery and "receive" reports): JSON, one item or a list — a report
//     has `messageId`, `mobile`, `deliveryState` (1 delivered; 2 not delivered to the phone,
//     4 not delivered to the operator, 6 failed, 7 blacklisted); a reply has `number`,
//     `messageText`, `receivedDateTime`, `lineNumber`.
//   outbox (local, simulated): JSON `{ messageId, status: "delivered" | "failed", reason? }` or
//     `{ from, text, id?, inReplyToMessageId? }`.
import type { ProviderKind } from "./messaging.schema";

export interface DeliveryReport {
  kind: "report";
  /** The provider's id of the message (for the outbox: our message id). */
  providerMessageId: string;
  outcome: "delivered" | "failed";
  reason: string | null;
}

export interface InboundSms {
  kind: "reply";
  /** The provider's id of the inbound SMS; a digest of it when the provider gives none. */
  ref: string | null;
  from: string;
  text: string;
  receivedAt: number | null;
  /** Our message id, when the provider says which message this answers. */
  inReplyToMessageId: string | null;
}

export type CallbackItem = DeliveryReport | InboundSms;
type Fields = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : typeof value === "number" ? String(value) : null);
const num = (value: unknown): number | null => {
  const text = str(value);
  return text !== null && /^-?\d+$/.test(text) ? Number(text) : null;
};
/** Epoch seconds or milliseconds, or an ISO date, to epoch milliseconds. */
const time = (value: unknown): number | null => {
  const n = num(value);
  if (n !== null) return n < 1e12 ? n * 1000 : n;
  const text = str(value);
  const parsed = text ? Date.parse(text) : NaN;
  return Number.isNaN(parsed) ? null : parsed;
};

const KAVENEGAR_FAILED: Record<number, string> = { 6: "failed", 11: "undelivered", 13: "cancelled", 14: "blocked by the recipient" };
const IPPANEL_FAILED: Record<number, string> = { 3: "not delivered to the recipient", 4: "blacklisted number" };
const SMS_IR_FAILED: Record<number, string> = { 2: "not delivered to the phone", 4: "not delivered to the operator", 6: "failed", 7: "blacklisted number" };

function report(id: string | null, status: number | null, delivered: number, failed: Record<number, string>, provider: string): DeliveryReport | null {
  if (id === null || status === null) return null;
  if (status === delivered) return { kind: "report", providerMessageId: id, outcome: "delivered", reason: null };
  const reason = failed[status];
  return reason ? { kind: "report", providerMessageId: id, outcome: "failed", reason: `${provider} ${status}: ${reason}` } : null;
}

const reply = (ref: string | null, from: string | null, text: string | null, receivedAt: number | null, inReplyToMessageId: string | null = null): InboundSms | null =>
  from !== null && text !== null ? { kind: "reply", ref, from, text: text.slice(0, 2000), receivedAt, inReplyToMessageId } : null;

const PARSERS: Record<Exclude<ProviderKind, "http">, (item: Fields) => CallbackItem | null> = {
  kavenegar: (item) =>
    item.from !== undefined
      ? reply(str(item.messageid), str(item.from), str(item.message), time(item.date))
      : report(str(item.messageid), num(item.status), 10, KAVENEGAR_FAILED, "kavenegar"),
  ippanel: (item) =>
    item.messages_inbox_id !== undefined || item.from !== undefined
      ? reply(str(item.messages_inbox_id), str(item.from), str(item.message), time(item.time))
      : report(str(item.bulk_id ?? item.message_outbox_id), num(item.message_status), 2, IPPANEL_FAILED, "ippanel"),
  smsir: (item) =>
    item.messageText !== undefined && item.deliveryState === undefined
      ? reply(str(item.id), str(item.number ?? item.mobile), str(item.messageText), time(item.receivedDateTime))
      : report(str(item.messageId), num(item.deliveryState), 1, SMS_IR_FAILED, "sms.ir"),
  outbox: (item) =>
    item.from !== undefined
      ? reply(str(item.id), str(item.from), str(item.text), time(item.receivedAt), str(item.inReplyToMessageId))
      : item.status === "delivered" || item.status === "failed"
        ? { kind: "report", providerMessageId: str(item.messageId) ?? "", outcome: item.status, reason: item.status === "failed" ? (str(item.reason)?.slice(0, 300) ?? "failed") : null }
        : null,
};

/** The items of a callback: a JSON object, a JSON list, `{ data: [...] }`, a form or the query string. */
function itemsOf(url: URL, contentType: string, body: string): Fields[] {
  const query = Object.fromEntries(url.searchParams);
  if (body.trim() === "") return [query];
  if (contentType.includes("json") || /^\s*[[{]/.test(body)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return [];
    }
    const list = Array.isArray(parsed) ? parsed : Array.isArray((parsed as Fields)?.data) ? ((parsed as Fields).data as unknown[]) : [parsed];
    return list.filter((item): item is Fields => typeof item === "object" && item !== null).slice(0, 100);
  }
  return [{ ...query, ...Object.fromEntries(new URLSearchParams(body)) }];
}

export function parseCallback(provider: ProviderKind, url: URL, contentType: string, body: string): CallbackItem[] {
  if (provider === "http") return [];
  const parse = PARSERS[provider];
  return itemsOf(url, contentType, body)
    .map(parse)
    .filter((item): item is CallbackItem => item !== null && (item.kind === "reply" || item.providerMessageId !== ""));
}
