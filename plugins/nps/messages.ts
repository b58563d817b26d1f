// The one place the plugin talks to core messaging: survey messages are `marketing` (quiet hours,
// caps and consent apply in core), and SMS costs come from core's preview.
import type { Localized, PluginContext } from "../../worker/plugin-api";

export interface SurveyMessage {
  customerId: string;
  channel: "sms" | "email";
  body: Localized;
  subject?: string;
  link?: { url: string; expiresAt?: number };
  idempotencyKey: string;
}

export async function sendSurveyMessage(ctx: PluginContext<unknown>, message: SurveyMessage) {
  return ctx.messaging.send({ ...message, purpose: "marketing" });
}

export async function previewSms(ctx: PluginContext<unknown>, request: { body: string; locale: "fa" | "en"; recipients: number }) {
  return ctx.messaging.preview({ channel: "sms", ...request });
}
