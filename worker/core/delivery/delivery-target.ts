// Who receives an event after it has committed: a plugin's `on` hook, or an outgoing webhook
// subscription. The delivery runtime asks each source for its targets and treats them alike:
// at least once, with retries and back-off, a dead-letter list after the last attempt.
import type { StoredEvent } from "../events/stored-event";

export type DeliveryOutcome =
  /** Delivered: never again for this (event, target). */
  | { status: "delivered" }
  /** The receiver asked never to be sent anything again (an HTTP 410): done, and not retried. */
  | { status: "gone"; detail: string };

export interface DeliveryTarget {
  /** Stable per receiver: "plugin:loyalty", "webhook:whk_01…". */
  readonly key: string;
  /** Throws to ask for a retry (with back-off); the error message is kept for the dead-letter list. */
  deliver(event: StoredEvent): Promise<DeliveryOutcome>;
}

/** A source of targets for an event (plugins, webhook subscriptions, …). */
export type DeliveryTargetSource = (env: Env, event: StoredEvent) => Promise<DeliveryTarget[]>;
