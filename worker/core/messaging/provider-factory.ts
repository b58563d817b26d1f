// The provider a stored configuration stands for (its secrets opened by providerForSending).
import type { StoredProvider } from "./provider-config";
import { httpEmailProvider } from "./providers/http-email";
import { ippanelProvider } from "./providers/ippanel";
import { kavenegarProvider } from "./providers/kavenegar";
import { smsIrProvider } from "./providers/sms-ir";
import { outboxProvider } from "./providers/outbox";
import type { MessageProvider } from "./providers/provider";

const misconfigured = (what: string): MessageProvider => ({ send: async () => ({ status: "failed", error: `provider misconfigured: ${what}` }) });

export function buildProvider(stored: StoredProvider): MessageProvider {
  switch (stored.kind) {
    case "outbox":
      return outboxProvider;
    case "kavenegar": {
      const apiKey = stored.secrets.apiKey;
      return apiKey ? kavenegarProvider({ apiKey, sender: stored.config.sender ?? null }) : misconfigured("no API key");
    }
    case "ippanel": {
      const { token } = stored.secrets;
      const { sender } = stored.config;
      return token && sender ? ippanelProvider({ token, sender }) : misconfigured("no API token or sending line");
    }
    case "smsir": {
      const { apiKey } = stored.secrets;
      const { sender } = stored.config;
      return apiKey && sender ? smsIrProvider({ apiKey, sender }) : misconfigured("no API key or line number");
    }
    case "http": {
      const { url, from } = stored.config;
      const token = stored.secrets.token;
      return url && from && token ? httpEmailProvider({ url, from, token }) : misconfigured("incomplete e-mail API settings");
    }
  }
}
