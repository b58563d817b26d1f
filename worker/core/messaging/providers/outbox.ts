// The default provider: keeps the message and delivers nothing, so a workspace works (and can be
// tried out) without any gateway account.
import type { MessageProvider } from "./provider";

export const outboxProvider: MessageProvider = {
  send: async () => ({ status: "recorded", providerMessageId: null }),
};
