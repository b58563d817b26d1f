// Outgoing webhooks as a delivery-target source: every enabled subscription of the event's
// workspace that wants the event becomes a target. Delivering records the attempt; a 2xx is
// delivered, a 410 is gone (and disables the subscription), anything else throws so that the
// delivery runtime retries with back-off.
import { now } from "../data/clock";
import { openWorkspace, type WorkspaceScope } from "../data/database";
import type { DeliveryOutcome, DeliveryTarget, DeliveryTargetSource } from "../delivery/delivery-target";
import type { StoredEvent } from "../events/stored-event";
import { sendWebhook } from "./send-webhook";
import { recordAttempt } from "./webhook-attempts.repository";
import { findSubscription, subscriptionSecret, subscriptionsFor } from "./webhooks-out.repository";

export const DELIVERY_TIMEOUT_MS = 10_000;

/** Thrown to ask for a retry; the message goes to the dead-letter list after the last attempt. */
export class WebhookDeliveryError extends Error {
  override name = "WebhookDeliveryError";
}

async function deliver(env: Env, scope: WorkspaceScope, subscriptionId: string, event: StoredEvent, timeoutMs: number): Promise<DeliveryOutcome> {
  // Read again at delivery time: a retry uses the URL and secret as they are now, and sends
  // nothing to a subscription that was removed or disabled meanwhile.
  const subscription = await findSubscription(scope, subscriptionId);
  if (!subscription) return { status: "gone", detail: "subscription deleted" };
  if (!subscription.enabled) return { status: "gone", detail: `subscription disabled (${subscription.disabledReason ?? "by a user"})` };
  const secret = await subscriptionSecret(env, scope, subscription);
  const result = await sendWebhook({ url: subscription.url, secret }, event, timeoutMs);
  await recordAttempt(scope, subscriptionId, event, result, now());
  if (result.outcome === "delivered") return { status: "delivered" };
  if (result.outcome === "gone") return { status: "gone", detail: result.error ?? "gone (410)" };
  // Named by id, not URL: a URL's path often carries the receiver's own token.
  throw new WebhookDeliveryError(`webhook ${subscription.id}: ${result.error}`);
}

/** The source with its own time limit (tests use a short one). */
export function createWebhookTargets(options: { timeoutMs?: number } = {}): DeliveryTargetSource {
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return async function webhookTargets(env: Env, event: StoredEvent): Promise<DeliveryTarget[]> {
    const scope = openWorkspace(env, event.workspaceId);
    const subscriptions = await subscriptionsFor(scope, event.name);
    return subscriptions.map((subscription) => ({
      key: `webhook:${subscription.id}`,
      deliver: (delivered: StoredEvent) => deliver(env, scope, subscription.id, delivered, timeoutMs),
    }));
  };
}

export const webhookTargets: DeliveryTargetSource = createWebhookTargets();
