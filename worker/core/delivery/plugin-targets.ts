// Enabled plugins' `on` hooks as delivery targets. A hook's writes commit in one batch with the
// delivery receipt, so however often the event arrives, the effect happens once. A plugin receives
// the events committed while it was on: one switched on after an event, before a busy queue
// delivered it, does not act on it.
import { openWorkspace } from "../data/database";
import { isUniqueViolation } from "../customers/customers.repository";
import { buildPluginContext } from "../plugin-runtime/plugin-context";
import type { PluginRuntime } from "../plugin-runtime/plugin-runtime";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import type { HookContext, OnHook, Statement } from "../../plugin-api/types";
import type { DeliveryTargetSource } from "./delivery-target";
import { dispatchEvents } from "./dispatch";
import { hasReceipt, receiptEntry } from "./receipts";

export function pluginTargets(runtime: PluginRuntime): DeliveryTargetSource {
  return async (env, event) => {
    if (!runtime.plugins.some((plugin) => plugin.on?.[event.name])) return [];
    const [enabled, workspace] = await Promise.all([runtime.enabled(env, event.workspaceId), getWorkspaceSettings(env, event.workspaceId)]);
    return enabled
      .filter(({ plugin, enabledAt }) => plugin.on?.[event.name] && (enabledAt === null || event.createdAt >= enabledAt))
      .map(({ plugin, settings }) => {
        const key = `plugin:${plugin.id}`;
        return {
          key,
          async deliver(delivered) {
            const scope = openWorkspace(env, delivered.workspaceId);
            const writes: Statement[] = [];
            const ctx: HookContext<unknown> = {
              ...buildPluginContext(env, scope, plugin, settings, workspace, { actorUserId: delivered.actorUserId, enabled }),
              write: (...statements) => void writes.push(...statements),
            };
            const hook = plugin.on![delivered.name] as OnHook<unknown, unknown>;
            await hook({ ...delivered, payload: delivered.payload }, ctx);
            try {
              await scope.db.batch([receiptEntry(scope, delivered.id, key), ...writes] as [Statement, ...Statement[]]);
            } catch (error) {
              // Delivered concurrently by another consumer: its effect stands, ours is dropped.
              if (isUniqueViolation(error) && (await hasReceipt(scope, delivered.id, key))) return { status: "delivered" };
              throw error;
            }
            await dispatchEvents(env, scope.workspaceId, scope.pendingEvents);
            return { status: "delivered" };
          },
        };
      });
  };
}
