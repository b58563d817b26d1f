// A generic e-mail HTTP API: POST { from, to, subject, text } as JSON to the configured https URL
// with a bearer token; any 2xx means accepted. A provider id is taken from the answer when it
// carries one (`id` or `messageId`), as most transactional e-mail APIs do.
import { safeFetch } from "../../outbound/safe-fetch";
import { cleanError, type MessageProvider } from "./provider";

export interface HttpEmailSettings {
  url: string;
  token: string;
  from: string;
}

async function providerIdOf(response: Response): Promise<string | null> {
  const answer = (await response.json().catch(() => null)) as { id?: unknown; messageId?: unknown } | null;
  const id = answer?.id ?? answer?.messageId;
  return typeof id === "string" || typeof id === "number" ? String(id).slice(0, 200) : null;
}

export function httpEmailProvider(settings: HttpEmailSettings): MessageProvider {
  return {
    async send(message) {
      try {
        // The URL is the admin's: safeFetch refuses a private one, a redirect, and answers every
        // network failure with the same text.
        const response = await safeFetch(settings.url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${settings.token}` },
          body: JSON.stringify({ from: settings.from, to: message.to, subject: message.subject ?? "", text: message.body }),
        });
        if (!response.ok) {
          await response.body?.cancel();
          return { status: "failed", error: `e-mail API answered HTTP ${response.status}` };
        }
        return { status: "sent", providerMessageId: await providerIdOf(response) };
      } catch (error) {
        return { status: "failed", error: cleanError(error, [settings.token]) };
      }
    },
  };
}
