// Messaging as plugins see it: core's sendMessage under the workspace's policy, with the plugin
// named as the sender (so its idempotency keys never collide with staff's); preview, short links
// and the policy itself for estimating an audience. Nothing here lets a plugin skip the policy.
import type { WorkspaceScope } from "../data/database";
import { createShortLink, messagingPolicyView, previewMessage } from "../messaging/messaging-service";
import { sendMessage } from "../messaging/send-message";
import type { MessagingApi, SendResult } from "../../plugin-api/types";

export function pluginMessaging(env: Env, scope: WorkspaceScope, pluginId: string, clock: () => number): MessagingApi {
  return {
    async send(request) {
      const result = await sendMessage(env, scope, { ...request, sentBy: { plugin: pluginId } }, { at: clock() });
      const messageId = result.messageId;
      switch (result.status) {
        case "deferred":
          return { status: "deferred", messageId, until: result.until };
        case "skipped":
          return { status: "skipped", messageId, reason: result.reason };
        case "failed":
          return { status: "failed", messageId, error: result.error };
        default:
          // Handed to the provider or the outbox (or, on a repeated key, still being handed over).
          return { status: "sent", messageId } satisfies SendResult;
      }
    },
    preview: (request) => previewMessage(env, scope, request),
    shortLink: (input) => createShortLink(env, scope, input, clock()),
    policy: () => messagingPolicyView(env, scope),
  };
}
