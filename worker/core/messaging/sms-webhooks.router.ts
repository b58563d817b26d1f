// Handlers for the SMS providers' callbacks: find the connection by its path, read the items in
// the provider's format, and record each report and reply in the connection's workspace.
import type { Context } from "hono";
import { openWorkspace, type WorkspaceScope } from "../data/database";
import { notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { applyDeliveryReport } from "./delivery-reports";
import type { StoredProvider } from "./provider-config";
import { providerForCallback } from "./providers.repository";
import { parseCallback, type CallbackItem } from "./sms-callbacks";
import { receiveReply } from "./sms-replies";
import { getSmsCallbackRoute, postSmsCallbackRoute } from "./sms-webhooks.routes";

/** Records each item; the counts of what happened. Used by the callback and by the outbox's simulations. */
export async function recordCallbackItems(env: Env, scope: WorkspaceScope, provider: StoredProvider, items: CallbackItem[]) {
  const receipt = { reports: { applied: 0, repeated: 0, unknown: 0 }, replies: { matched: 0, unmatched: 0, repeated: 0 } };
  // One at a time: each is a few queries, and a provider batches few items per callback.
  for (const item of items) {
    if (item.kind === "report") receipt.reports[await applyDeliveryReport(scope, provider.kind, item)]++;
    else receipt.replies[await receiveReply(env, scope, provider, item)]++;
  }
  return receipt;
}

// A reply costs up to ~10 queries (an opt-out with its confirmation), so a callback carries at
// most this many items to stay within one invocation's D1 budget (50 on the Free plan).
export const MAX_CALLBACK_ITEMS = 4;

async function receive(c: Context, provider: string, connectionId: string) {
  const connection = await providerForCallback(c.env, connectionId);
  if (!connection || connection.kind !== provider) throw notFound();
  const url = new URL(c.req.url);
  // Read as bytes and decoded as UTF-8: providers post form bodies (Persian text percent-encoded),
  // which the runtime warns about when they are read with text().
  const body = c.req.method === "POST" ? new TextDecoder().decode(await c.req.arrayBuffer()) : "";
  const items = parseCallback(connection.kind, url, c.req.header("content-type") ?? "", body);
  if (items.length > MAX_CALLBACK_ITEMS) throw new Problem(413, "too_many_callback_items", { params: { max: MAX_CALLBACK_ITEMS } });
  const scope = openWorkspace(c.env, connection.workspaceId);
  // The events it writes are handed to the delivery queue after the answer (dispatch middleware).
  c.set("scope", scope);
  const receipt = await recordCallbackItems(c.env, scope, connection, items);
  // Reports only, and none of them ours: the same answer as a wrong path.
  if (receipt.reports.unknown > 0 && receipt.reports.unknown === items.length) throw notFound();
  return receipt;
}

export const smsWebhooksRouter = createRouter()
  .openapi(postSmsCallbackRoute, async (c) => {
    const { provider, connectionId } = c.req.valid("param");
    return c.json(await receive(c, provider, connectionId), 200);
  })
  .openapi(getSmsCallbackRoute, async (c) => {
    const { provider, connectionId } = c.req.valid("param");
    return c.json(await receive(c, provider, connectionId), 200);
  });
