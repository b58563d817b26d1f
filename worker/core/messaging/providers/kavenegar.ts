// Kavenegar (kavenegar.com), an Iranian SMS gateway. Its documented send call:
//   POST https://api.kavenegar.com/v1/{API-KEY}/sms/send.json
//   Content-Type: application/x-www-form-urlencoded; fields receptor, message, sender (optional)
// answered with { return: { status, message }, entries: [{ messageid, status, statustext, … }] };
// any `return.status` other than 200 is a failure, whatever the HTTP status says.
// Its template ("verify lookup") call: POST …/{API-KEY}/verify/lookup.json with receptor, template
// and token, token2, token3 (the template's placeholders, in order), answered the same way.
import { z } from "@hono/zod-openapi";
import { localMobile } from "../../cid/normalize-mobile";
import { safeFetch } from "../../outbound/safe-fetch";
import { cleanError, type MessageProvider, type SendOutcome } from "./provider";

export const KAVENEGAR_API = "https://api.kavenegar.com/v1";

export interface KavenegarSettings {
  apiKey: string;
  sender?: string | null;
}

const KavenegarAnswer = z.object({
  return: z.object({ status: z.number(), message: z.string().optional() }),
  entries: z.array(z.object({ messageid: z.union([z.number(), z.string()]), status: z.number().optional(), statustext: z.string().optional() })).nullish(),
});

// Entry statuses that mean the gateway will not deliver: failed, undelivered, cancelled, blocked.
const REFUSED_ENTRY_STATUSES = new Set([6, 11, 13, 14]);

export function kavenegarProvider(settings: KavenegarSettings): MessageProvider {
  const base = `${KAVENEGAR_API}/${encodeURIComponent(settings.apiKey)}`;
  async function call(path: string, form: URLSearchParams): Promise<SendOutcome> {
    try {
      const response = await safeFetch(`${base}/${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
      });
      const parsed = KavenegarAnswer.safeParse(await response.json().catch(() => null));
      if (!parsed.success) return { status: "failed", error: `kavenegar: unexpected answer (HTTP ${response.status})` };
      const { return: answer, entries } = parsed.data;
      if (answer.status !== 200) return { status: "failed", error: `kavenegar ${answer.status}: ${answer.message ?? "refused"}`.slice(0, 300) };
      const entry = entries?.[0];
      if (entry?.status !== undefined && REFUSED_ENTRY_STATUSES.has(entry.status)) {
        return { status: "failed", error: `kavenegar entry ${entry.status}: ${entry.statustext ?? "not delivered"}`.slice(0, 300) };
      }
      return { status: "sent", providerMessageId: entry ? String(entry.messageid) : null };
    } catch (error) {
      // A timeout or network failure; the key is in the URL, so it is scrubbed from the text.
      return { status: "failed", error: cleanError(error, [settings.apiKey, encodeURIComponent(settings.apiKey)]) };
    }
  }
  return {
    send(message) {
      const form = new URLSearchParams({ receptor: localMobile(message.to), message: message.body });
      if (settings.sender) form.set("sender", settings.sender);
      return call("sms/send.json", form);
    },
    sendTemplate(message) {
      const form = new URLSearchParams({ receptor: localMobile(message.to), template: message.template.name });
      Object.values(message.template.values).slice(0, 3).forEach((value, index) => form.set(index === 0 ? "token" : `token${index + 1}`, value));
      return call("verify/lookup.json", form);
    },
  };
}
