// Messaging as plugins see it: core's sendMessage, with the plugin named as the sender (so its
// idempotency keys never collide with staff's), consent and opt-out respected by core.
import type { WorkspaceScope } from "../data/database";
import { sendMessage } from "../messaging/send-message";
import type { MessagingApi } from "../../plugin-api/types";

export function pluginMessaging(env: Env, scope: WorkspaceScope, pluginId: string): MessagingApi {
  return {
    async send(message) {
      const result = await sendMessage(env, scope, { ...message, sentBy: { plugin: pluginId } });
      return { status: result.status };
    },
  };
}
