// After a request, hand the events it committed to the delivery queue, without making the
// caller wait (waitUntil). A failed hand-off is caught up by the sweeper.
import type { MiddlewareHandler } from "hono";
import { dispatchEvents } from "./dispatch";

export function dispatchCommittedEvents(): MiddlewareHandler {
  return async function dispatchCommittedEvents(c, next) {
    await next();
    const scope = c.get("scope") as ReturnType<typeof c.get<"scope">> | undefined;
    if (!scope || scope.pendingEvents.length === 0) return;
    c.executionCtx.waitUntil(dispatchEvents(c.env, scope.workspaceId, [...scope.pendingEvents]));
  };
}
