// Sending one message to one customer: the service behind the API route, plugins' `messaging`
// and the UI's quick action, so no sender can go around the workspace's policy. In order: the
// customer must be live; a repeated key reports the first message; the text is rendered (template
// or body, placeholders, a link behind a short link); consent and an address are checked, then
// for marketing the caps and the daily limit (a refusal is a skipped message the timeline can
// explain); marketing due outside quiet hours (or anything with a later notBefore) is stored
// deferred and sent by core when due (deferred-messages.ts); the rest goes to the provider now.
// The key is claimed by inserting the row, so the same key never sends twice even when callers
// race. A provider failure is a `failed` message, never an exception.
import { z } from "@hono/zod-openapi";
import { findCustomer, identifiersOf, type CustomerRow, type IdentifierRow } from "../customers/customers.repository";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { eventEntry } from "../events/outbox";
import { invalidField, notFound, Problem } from "../http/problem";
import { localDay, startOfDay } from "../stats/local-day";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { IdempotencyKey, LinkUrl, type MessageView } from "./message.schemas";
import { customerLocale, fillPlaceholders, inLanguage } from "./message-text";
import { claimMessage, completeMessage, findMessageByKey, marketingCountsQuery, presentMessage, type MessageRow } from "./messages.repository";
import { MESSAGE_CHANNELS, MESSAGE_PURPOSES, type MessageChannel, type SkipReason } from "./messaging.schema";
import { nextAllowedTime, policyOf, type MessagingPolicySettings } from "./messaging-policy";
import { buildProvider } from "./provider-factory";
import type { StoredProvider } from "./provider-config";
import { findProvider, providerForSending } from "./providers.repository";
import { cleanError, type SendOutcome } from "./providers/provider";
import { insertShortLink, newShortCode, shortLinkUrl } from "./short-links.repository";
import { findTemplateByName } from "./templates.repository";

const DAY_MS = 86_400_000;

const Text = (max: number) => z.union([z.string().trim().min(1).max(max), z.object({ fa: z.string().trim().max(max), en: z.string().trim().max(max) })]);

const SendMessageInput = z
  .object({
    customerId: z.string().min(1).max(64),
    channel: z.enum(MESSAGE_CHANNELS),
    // Required of every sender: a send that does not say it is marketing must not slip past the policy by default.
    purpose: z.enum(MESSAGE_PURPOSES),
    template: z.string().trim().min(1).max(80).optional(),
    body: Text(5000).optional(),
    subject: Text(200).optional(),
    variables: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), z.union([z.string().max(500), z.number()])).optional(),
    link: z.object({ url: LinkUrl, expiresAt: z.number().int().positive().optional() }).optional(),
    notBefore: z.number().int().positive().optional(),
    idempotencyKey: IdempotencyKey,
    sentBy: z.object({ userId: z.string().max(64).nullish(), plugin: z.string().max(64).nullish() }).optional(),
  })
  .refine((input) => (input.template === undefined) !== (input.body === undefined), { message: "text_or_template_required", path: ["body"] });
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
  | { status: "deferred"; until: number }
  // Another call holding the same key has not heard back from the provider yet.
  | { status: "sending" }
);

export function resultOf(row: MessageRow, replayed: boolean): MessageResult {
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
    case "deferred":
      return { ...common, status: "deferred", until: row.dueAt ?? row.createdAt };
    case "sending":
      return { ...common, status: "sending" };
  }
}

/** The address for the channel: the customer's CID when it is of that kind, else the oldest one. */
export function recipientOf(customer: CustomerRow, identifiers: IdentifierRow[], channel: MessageChannel): string | null {
  const kind = channel === "sms" ? "mobile" : "email";
  const candidates = identifiers.filter((identifier) => identifier.kind === kind);
  return (candidates.find((identifier) => identifier.value === customer.cid) ?? candidates[0])?.value ?? null;
}

export function consentSkip(customer: CustomerRow, channel: MessageChannel, recipient: string | null): SkipReason | null {
  const consent = channel === "sms" ? customer.consentSms : customer.consentEmail;
  if (consent !== "granted") return "no_consent";
  return recipient === null ? "no_address" : null;
}

/** Marketing over the caps or the workspace's daily limit, counting what went or is due. */
async function policySkip(scope: WorkspaceScope, customerId: string, channel: MessageChannel, policy: MessagingPolicySettings, timeZone: string, time: number): Promise<SkipReason | null> {
  const since = { day: time - DAY_MS, week: time - 7 * DAY_MS, localMidnight: startOfDay(localDay(time, timeZone), timeZone) };
  const [counts] = await marketingCountsQuery(scope, customerId, channel, since);
  if (counts!.lastDay >= policy.caps.perDay || counts!.lastWeek >= policy.caps.perWeek) return "capped";
  if (policy.dailyLimit !== null && counts!.today >= policy.dailyLimit) return "daily_limit";
  return null;
}

// Keys are per sender, so a key typed by staff can never use up a plugin's key.
const namespacedKey = (key: string, plugin: string | null | undefined) => (plugin ? `plugin:${plugin}:${key}` : `core:${key}`);

/** `at`: the sender's clock (a schedule's tick); defaults to now. */
export async function sendMessage(env: Env, scope: WorkspaceScope, input: SendMessageInput, options: { at?: number } = {}): Promise<MessageResult> {
  const request = SendMessageInput.parse(input);
  const { customerId, channel, idempotencyKey, sentBy } = request;
  const customer = await findCustomer(scope, customerId);
  if (!customer) throw notFound();
  const key = namespacedKey(idempotencyKey, sentBy?.plugin);
  const earlier = await findMessageByKey(scope, key);
  if (earlier) return replay(earlier, customerId, channel);

  const time = options.at ?? now();
  const settings = await getWorkspaceSettings(env, scope.workspaceId);
  const policy = policyOf(settings.messagingPolicy);
  const locale = customerLocale(customer.attributes, settings.locale);
  const template = request.template === undefined ? null : await findTemplateByName(scope, request.template);
  if (request.template !== undefined && !template) throw invalidField("body.template", "unknown_template");
  if (template && template.channel !== channel) throw invalidField("body.template", "template_channel_mismatch");
  // A marketing template stays marketing whatever the caller says: the policy cannot be talked around.
  const purpose = template?.purpose === "marketing" ? "marketing" : request.purpose;

  const messageId = newId("msg", time);
  const code = request.link ? newShortCode() : null;
  const values: Record<string, string | number | null> = {
    firstName: customer.firstName,
    lastName: customer.lastName,
    shopName: settings.name,
    ...request.variables,
    ...(code ? { link: shortLinkUrl(env, code) } : {}),
  };
  const rawBody = template ? { fa: template.textFa, en: template.textEn } : request.body!;
  const rendered = fillPlaceholders(inLanguage(rawBody, locale), values, locale);
  if (rendered.missing.length > 0) throw invalidField(`body.variables.${rendered.missing[0]}`, "template_variable_missing", { placeholder: `{${rendered.missing[0]}}` });
  const rawSubject = template && template.subjectFa !== null ? { fa: template.subjectFa, en: template.subjectEn ?? "" } : request.subject;
  const subject = channel === "email" ? fillPlaceholders(rawSubject === undefined ? "" : inLanguage(rawSubject, locale), values, locale).text : null;

  const [identifiers, stored] = await Promise.all([identifiersOf(scope, [customerId]), findProvider(scope, channel)]);
  const recipient = recipientOf(customer, identifiers.get(customerId) ?? [], channel);
  let skipReason = consentSkip(customer, channel, recipient);
  if (!skipReason && purpose === "marketing") skipReason = await policySkip(scope, customerId, channel, policy, settings.timeZone, time);
  const wanted = Math.max(time, request.notBefore ?? time);
  const dueAt = purpose === "marketing" ? nextAllowedTime(wanted, policy.quietHours, settings.timeZone) : wanted;
  const deferred = !skipReason && dueAt > time;
  // Opened before the key is claimed: secrets that cannot be read fail the request, not the message.
  const provider = skipReason || deferred ? stored : await providerForSending(env, scope, stored);
  const claimed = await claimMessage(scope, {
    id: messageId,
    customerId,
    channel,
    purpose,
    idempotencyKey: key,
    recipient,
    subject,
    body: rendered.text,
    status: skipReason ? "skipped" : deferred ? "deferred" : "sending",
    dueAt: deferred ? dueAt : null,
    skipReason,
    providerKind: skipReason || deferred ? null : provider.kind,
    providerTemplate: template?.providerTemplate ?? null,
    templateValues: template?.providerTemplate ? stringValues(values, locale) : null,
    sentByUserId: sentBy?.userId ?? null,
    sentByPlugin: sentBy?.plugin ?? null,
    createdAt: time,
    completedAt: skipReason ? time : null,
  });
  // Lost the race for the key: the winner sends; this call reports what it did.
  if (!claimed) return replay((await findMessageByKey(scope, key))!, customerId, channel);
  if (claimed.status === "skipped") return resultOf(claimed, false);
  if (code) await insertShortLink(scope, { code, url: request.link!.url, messageId, customerId, expiresAt: request.link!.expiresAt ?? null, createdAt: time });
  if (claimed.status === "deferred") return resultOf(claimed, false);
  return resultOf(await deliver(scope, claimed, provider), false);
}

/** The values a provider template is filled with, as text in the customer's language. */
function stringValues(values: Record<string, string | number | null>, locale: "fa" | "en"): Record<string, string> {
  const entries = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== null);
  return Object.fromEntries(entries.map(([name, value]) => [name, fillPlaceholders(`{${name}}`, { [name]: value }, locale).text]));
}

/**
 * Hands a claimed (`sending`) message to the provider and records the answer; a failure emits
 * `message.failed` in the same write. A transactional message whose template is mapped to one of
 * the provider's own goes through the provider's template path when it has one.
 */
export async function deliver(scope: WorkspaceScope, message: MessageRow, provider: StoredProvider): Promise<MessageRow> {
  const adapter = buildProvider(provider);
  const outgoing = { id: message.id, channel: message.channel, to: message.recipient!, subject: message.subject, body: message.body };
  let outcome: SendOutcome;
  try {
    outcome =
      message.purpose === "transactional" && message.providerTemplate && message.templateValues && adapter.sendTemplate
        ? await adapter.sendTemplate({ ...outgoing, template: { name: message.providerTemplate, values: message.templateValues } })
        : await adapter.send(outgoing);
  } catch (error) {
    outcome = { status: "failed", error: cleanError(error, Object.values(provider.secrets)) };
  }
  const update = completeMessage(scope, message.id, {
    status: outcome.status,
    recipient: message.recipient,
    providerKind: provider.kind,
    providerMessageId: outcome.status === "failed" ? null : (outcome.providerMessageId ?? null),
    error: outcome.status === "failed" ? outcome.error : null,
    completedAt: now(),
  });
  if (outcome.status !== "failed") return (await update)[0]!;
  const facts = { messageId: message.id, customerId: message.customerId, channel: message.channel, purpose: message.purpose, sentByPlugin: message.sentByPlugin };
  const [[row]] = await scope.db.batch([update, eventEntry(scope, "message.failed", { ...facts, reason: outcome.error }, message.sentByUserId)]);
  return row!;
}

/** A key already used: the first message's result, unless the key was used for something else. */
function replay(row: MessageRow, customerId: string, channel: MessageChannel): MessageResult {
  if (row.customerId !== customerId || row.channel !== channel) throw new Problem(409, "idempotency_key_reused");
  return resultOf(row, true);
}
