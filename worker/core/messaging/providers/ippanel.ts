// IPPanel (Faraz SMS, ippanel.com), an Iranian SMS gateway, through its Edge API as documented in
// github.com/ippanelcom/Edge-Document (docs/send/webservice.md and docs/send/pattern.md):
//   POST https://edge.ippanel.com/v1/api/send, header `Authorization: <token>`, JSON
//   { sending_type: "webservice", from_number, message, params: { recipients: [E.164] } }
//   { sending_type: "pattern", from_number, code, recipients: [E.164], params: { name: value } }
// answered with { data: { message_outbox_ids: [id] }, meta: { status, message, message_code } };
// `meta.status` false is a failure, whatever the HTTP status says.
import { z } from "@hono/zod-openapi";
import { safeFetch } from "../../outbound/safe-fetch";
import { cleanError, type MessageProvider, type SendOutcome } from "./provider";

export const IPPANEL_SEND_URL = "https://edge.ippanel.com/v1/api/send";

export interface IppanelSettings {
  token: string;
  /** The sending line, as the account has it (+983000505). */
  sender: string;
}

const IppanelAnswer = z.object({
  data: z.object({ message_outbox_ids: z.array(z.union([z.number(), z.string()])).optional() }).nullish(),
  meta: z.object({ status: z.boolean(), message: z.string().optional(), message_code: z.string().optional() }),
});

/** The line in E.164, as the API wants it: a bare 3000505 or 983000505 gains its +98. */
const e164Line = (line: string) => (line.startsWith("+") ? line : line.startsWith("98") ? `+${line}` : `+98${line.replace(/^0/, "")}`);

export function ippanelProvider(settings: IppanelSettings): MessageProvider {
  async function call(body: Record<string, unknown>): Promise<SendOutcome> {
    try {
      const response = await safeFetch(IPPANEL_SEND_URL, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization: settings.token },
        body: JSON.stringify({ ...body, from_number: e164Line(settings.sender) }),
      });
      const parsed = IppanelAnswer.safeParse(await response.json().catch(() => null));
      if (!parsed.success) return { status: "failed", error: `ippanel: unexpected answer (HTTP ${response.status})` };
      const { data, meta } = parsed.data;
      if (!meta.status) return { status: "failed", error: `ippanel ${meta.message_code ?? response.status}: ${meta.message ?? "refused"}`.slice(0, 300) };
      const id = data?.message_outbox_ids?.[0];
      return { status: "sent", providerMessageId: id === undefined ? null : String(id) };
    } catch (error) {
      return { status: "failed", error: cleanError(error, [settings.token]) };
    }
  }
  return {
    send: (message) => call({ sending_type: "webservice", message: message.body, params: { recipients: [message.to] } }),
    sendTemplate: (message) => call({ sending_type: "pattern", code: message.template.name, recipients: [message.to], params: message.template.values }),
  };
}
