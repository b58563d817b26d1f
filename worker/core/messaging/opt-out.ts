// Opt-out replies: whether a reply withdraws SMS consent, and the one confirmation it gets.
// Words are compared after folding digits (Persian/Arabic to ASCII), Arabic letters to Persian,
// case and every kind of space, so "  ۱۱ ", "STOP" and "لغو" all match.
import { toAsciiDigits } from "../cid/digits";
import type { CustomerRow } from "../customers/customers.repository";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { claimMessage, completeMessage } from "./messages.repository";
import { buildProvider } from "./provider-factory";
import { DEFAULT_OPT_OUT_WORDS, type StoredProvider } from "./provider-config";
import { providerForSending } from "./providers.repository";
import { cleanError, type SendOutcome } from "./providers/provider";

export const foldOptOutWord = (text: string): string =>
  toAsciiDigits(text.normalize("NFKC")).replace(/ي/g, "ی").replace(/ك/g, "ک").toLowerCase().replace(/[\s\u200b-\u200f\u00a0.!،,]/g, "");

export function isOptOut(text: string, words: readonly string[] | null): boolean {
  const folded = foldOptOutWord(text);
  return folded !== "" && (words ?? DEFAULT_OPT_OUT_WORDS).some((word) => foldOptOutWord(word) === folded);
}

const CONFIRMATION = {
  fa: "درخواست لغو شما ثبت شد؛ دیگر پیامک تبلیغاتی از ما دریافت نمی‌کنید.",
  en: "You are unsubscribed: you will get no more promotional SMS from us.",
} as const;

/**
 * The transactional confirmation of an opt-out, sent to the number that asked even though SMS
 * consent is now withdrawn (it is the answer to the customer's own request). The key names the
 * withdrawal, so the same withdrawal is never confirmed twice.
 */
export async function sendOptOutConfirmation(
  env: Env,
  scope: WorkspaceScope,
  provider: StoredProvider,
  customer: CustomerRow,
  recipient: string,
  withdrawnAt: number,
  locale: "fa" | "en",
): Promise<void> {
  const time = now();
  const claimed = await claimMessage(scope, {
    id: newId("msg", time),
    customerId: customer.id,
    channel: "sms",
    purpose: "transactional",
    idempotencyKey: `core:opt-out-confirmation:${customer.id}:${withdrawnAt}`,
    recipient,
    subject: null,
    body: CONFIRMATION[locale],
    status: "sending",
    skipReason: null,
    providerKind: provider.kind,
    sentByUserId: null,
    sentByPlugin: null,
    createdAt: time,
    completedAt: null,
  });
  if (!claimed) return;
  let outcome: SendOutcome;
  try {
    const opened = await providerForSending(env, scope, provider);
    outcome = await buildProvider(opened).send({ id: claimed.id, channel: "sms", to: recipient, subject: null, body: claimed.body });
  } catch (error) {
    outcome = { status: "failed", error: cleanError(error, Object.values(provider.secrets)) };
  }
  await completeMessage(scope, claimed.id, {
    status: outcome.status,
    providerMessageId: outcome.status === "failed" ? null : (outcome.providerMessageId ?? null),
    error: outcome.status === "failed" ? outcome.error : null,
    completedAt: now(),
  });
}
