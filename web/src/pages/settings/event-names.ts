// The events an outgoing webhook can subscribe to: core's, then each compiled-in plugin's own.
import type { CoreEventName } from "../../../../worker/core/events/event-catalog";
import type { PluginInfo } from "../../session/session";

// A record, so the type check fails when core gains an event this list lacks.
const CORE_EVENTS: Record<CoreEventName, true> = {
  "customer.created": true,
  "customer.updated": true,
  "customer.merged": true,
  "customer.deleted": true,
  "customer.stage_changed": true,
  "interaction.logged": true,
  "task.created": true,
  "order.created": true,
  "order.paid": true,
  "order.refunded": true,
  "message.delivered": true,
  "message.failed": true,
  "message.received": true,
  "message.clicked": true,
};

export const coreEventNames = Object.keys(CORE_EVENTS) as CoreEventName[];

export interface EventGroup {
  key: string;
  plugin?: PluginInfo;
  events: string[];
}

/** Core's events, each plugin's, and any the subscription holds that neither declares. */
export function eventGroups(plugins: readonly PluginInfo[], chosen: readonly string[]): EventGroup[] {
  const groups: EventGroup[] = [{ key: "core", events: [...coreEventNames] }];
  for (const plugin of plugins) if (plugin.events.length) groups.push({ key: `plugin:${plugin.id}`, plugin, events: plugin.events });
  const known = new Set(groups.flatMap((group) => group.events));
  const others = chosen.filter((name) => name !== "*" && !known.has(name));
  if (others.length) groups.push({ key: "other", events: others });
  return groups;
}
