// What the messaging API offers besides sending, shared by its routes and plugins' `messaging`:
// an SMS text's parts and cost, short links, and the workspace's policy.
import type { WorkspaceScope } from "../data/database";
import { invalidField, notFound } from "../http/problem";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { LinkUrl } from "./message.schemas";
import { fillPlaceholders, inLanguage } from "./message-text";
import { messagesByIds } from "./messages.repository";
import { policyOf } from "./messaging-policy";
import { findProvider } from "./providers.repository";
import { insertShortLink, newShortCode, shortLinkUrl } from "./short-links.repository";
import { smsParts, type SmsParts } from "./sms-parts";
import { findTemplateByName } from "./templates.repository";

type Money = { amount: number; currency: string };

export interface MessagePreview extends SmsParts {
  cost: Money | null;
  recipients: number;
  totalCost: Money | null;
  /** The text counted: the body, or the template rendered with sample values. */
  text: string;
}

// Values a template is previewed with, as long as real ones usually are (a short link is 8 characters).
const SAMPLES: Record<"fa" | "en", Record<string, string | number>> = {
  fa: { firstName: "سارا", lastName: "محمدی", points: 1250, coupon: "SPRING25", code: 123456, orderNumber: 10425, amount: 1250000, date: "۱۴۰۵/۰۱/۱۵" },
  en: { firstName: "Sara", lastName: "Mohammadi", points: 1250, coupon: "SPRING25", code: 123456, orderNumber: 10425, amount: 1250000, date: "2026-04-04" },
};

export async function previewMessage(
  env: Env,
  scope: WorkspaceScope,
  request: { channel: "sms" | "email"; body?: string; template?: string; locale?: "fa" | "en"; recipients?: number },
): Promise<MessagePreview> {
  const settings = await getWorkspaceSettings(env, scope.workspaceId);
  const locale = request.locale ?? settings.locale;
  let text = request.body ?? "";
  if (request.template !== undefined) {
    const template = await findTemplateByName(scope, request.template);
    if (!template) throw invalidField("body.template", "unknown_template");
    const values = { ...SAMPLES[locale], shopName: settings.name, link: shortLinkUrl(env, "Ab3dE6gH") };
    text = fillPlaceholders(inLanguage({ fa: template.textFa, en: template.textEn }, locale), values, locale).text;
  }
  const parts = smsParts(text);
  const recipients = request.recipients ?? 1;
  const price = request.channel === "sms" ? policyOf(settings.messagingPolicy).smsPricePerPart[(await findProvider(scope, "sms")).kind] : undefined;
  const cost = price === undefined ? null : { amount: price * parts.parts, currency: settings.currency };
  return { ...parts, cost, recipients, totalCost: cost && { amount: cost.amount * recipients, currency: cost.currency }, text };
}

/** A short link of the workspace to a web address; tied to a message, its first click is the message's. */
export async function createShortLink(env: Env, scope: WorkspaceScope, input: { url: string; expiresAt?: number; messageId?: string }, at: number): Promise<{ code: string; url: string }> {
  const url = LinkUrl.parse(input.url);
  // Only a message of this workspace: a click must never be counted on (or reveal) another's.
  const [message] = input.messageId ? await messagesByIds(scope, [input.messageId]) : [];
  if (input.messageId && !message) throw notFound();
  const code = newShortCode();
  await insertShortLink(scope, { code, url, messageId: message?.id ?? null, customerId: message?.customerId ?? null, expiresAt: input.expiresAt ?? null, createdAt: at });
  return { code, url: shortLinkUrl(env, code) };
}

export async function messagingPolicyView(env: Env, scope: WorkspaceScope) {
  const settings = await getWorkspaceSettings(env, scope.workspaceId);
  const { quietHours, caps, dailyLimit } = policyOf(settings.messagingPolicy);
  return { quietHours, caps, dailyLimit, timeZone: settings.timeZone };
}
