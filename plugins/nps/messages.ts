// The one place the plugin talks to core messaging (send and preview).
import type { Localized, PluginContext } from "../../worker/plugin-api";

export interface SurveyMessage {
  customerId: string;
  channel: "sms" | "email";
  body: Localized;
  subject?: string;
  link?: { url: string; expiresAt?: number };
  idempotencyKey: string;
}

export type SendOutcome =
  | { status: "sent"; messageId: string | null }
  | { status: "deferred"; messageId: string | null; until: number }
  | { status: "skipped"; messageId: string | null; reason: string }
  | { status: "failed"; messageId: string | null; error: string };

export async function sendSurveyMessage(ctx: PluginContext<unknown>, message: SurveyMessage): Promise<SendOutcome> {
  const body = message.body[ctx.locale].replace("{link}", message.link?.url ?? "");
  const result = await ctx.messaging.send({ customerId: message.customerId, channel: message.channel, body, subject: message.subject, idempotencyKey: message.idempotencyKey });
  if (result.status === "skipped") return { status: "skipped", messageId: null, reason: "no_consent" };
  if (result.status === "failed") return { status: "failed", messageId: null, error: "failed" };
  return { status: "sent", messageId: null };
}

export async function previewSms(_ctx: PluginContext<unknown>, _request: { body: string; locale: "fa" | "en"; recipients: number }): Promise<{ parts: number; totalCost: { amount: number; currency: string } | null } | null> {
  return null;
}
