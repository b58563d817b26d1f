// What an SMS survey costs: the message's parts and encoding, and its price for the audience,
// from core messaging's preview (the text as sent, with a short link in place of {link}).
import type { PluginContext } from "../../worker/plugin-api";
import type { SurveyRow } from "./surveys";
import { previewSms } from "./messages";
import { surveyMessage } from "./texts";

/** A short link as long as core makes them, for counting characters. */
const SAMPLE_LINK = "https://example.ir/s/abcdefgh";

export async function smsPreview(ctx: PluginContext<unknown>, survey: SurveyRow, recipients: number) {
  const locale = (ctx.locale === "en" ? "en" : "fa") as "fa" | "en";
  const body = surveyMessage(survey.question)[locale].replace("{link}", SAMPLE_LINK);
  return previewSms(ctx, { body, locale, recipients });
}
