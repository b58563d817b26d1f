// SMS.ir, an Iranian SMS gateway, through its REST API v1 (api.sms.ir, documented at
// apidocs.sms.ir, "ارسال گروهی" and "ارسال وریفای"):
//   POST https://api.sms.ir/v1/send/bulk,   header `x-api-key`, JSON { lineNumber, messageText, mobiles: [..] }
//   POST https://api.sms.ir/v1/send/verify, header `x-api-key`, JSON { mobile, templateId, parameters: [{ name, value }] }
// answered with { status, message, data }: `status` 1 is success (bulk: data.messageIds,
// verify: data.messageId); anything else is a failure, whatever the HTTP status says.
import { z } from "@hono/zod-openapi";
import { localMobile } from "../../cid/normalize-mobile";
import { safeFetch } from "../../outbound/safe-fetch";
import { cleanError, type MessageProvider, type SendOutcome } from "./provider";

export const SMS_IR_API = "https://api.sms.ir/v1";

export interface SmsIrSettings {
  apiKey: string;
  /** The account's line (30007732000000). */
  sender: string;
}

const Id = z.union([z.number(), z.string()]);
const SmsIrAnswer = z.object({
  status: z.number(),
  message: z.string().nullish(),
  data: z.object({ messageIds: z.array(Id).nullish(), messageId: Id.nullish() }).passthrough().nullish(),
});

export function smsIrProvider(settings: SmsIrSettings): MessageProvider {
  async function call(path: string, body: Record<string, unknown>): Promise<SendOutcome> {
    try {
      const response = await safeFetch(`${SMS_IR_API}/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "x-api-key": settings.apiKey },
        body: JSON.stringify(body),
      });
      const parsed = SmsIrAnswer.safeParse(await response.json().catch(() => null));
      if (!parsed.success) return { status: "failed", error: `sms.ir: unexpected answer (HTTP ${response.status})` };
      const { status, message, data } = parsed.data;
      if (status !== 1) return { status: "failed", error: `sms.ir ${status}: ${message ?? "refused"}`.slice(0, 300) };
      const id = data?.messageIds?.[0] ?? data?.messageId;
      return { status: "sent", providerMessageId: id === undefined || id === null ? null : String(id) };
    } catch (error) {
      return { status: "failed", error: cleanError(error, [settings.apiKey]) };
    }
  }
  return {
    send: (message) => call("send/bulk", { lineNumber: Number(settings.sender), messageText: message.body, mobiles: [localMobile(message.to)] }),
    sendTemplate: (message) =>
      call("send/verify", {
        mobile: localMobile(message.to),
        // SMS.ir numbers its templates; a name that is not a number is sent as given and refused by it.
        templateId: /^\d+$/.test(message.template.name) ? Number(message.template.name) : message.template.name,
        parameters: Object.entries(message.template.values).map(([name, value]) => ({ name, value })),
      }),
  };
}
