// Handlers for the message log, the unmatched replies and the outbox's simulations.
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { actorOf } from "../auth/auth.middleware";
import { maskMobile } from "../customers/mask";
import { toIso } from "../data/clock";
import { cursorTimeId, toPage } from "../data/cursor";
import type { WorkspaceScope } from "../data/database";
import { messages } from "../data/schema";
import { invalidField, notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { listMessageLogRoute, listUnmatchedRoute, simulateReplyRoute, simulateReportRoute } from "./message-log.routes";
import { messagesByIds, presentMessage } from "./messages.repository";
import type { MessageChannel, MessagePurpose, MessageStatus } from "./messaging.schema";
import { findProvider } from "./providers.repository";
import { recordCallbackItems } from "./sms-webhooks.router";
import { unmatchedRepliesQuery } from "./sms-replies";

export interface MessageLogFilters {
  channel?: MessageChannel;
  purpose?: MessagePurpose;
  status?: MessageStatus;
  customerId?: string;
  from?: number;
  to?: number;
}

/**
 * The log's page, newest first by (created_at, id). With a customer it reads
 * messages_customer_time_idx; with a status messages_workspace_status_time_idx; otherwise
 * messages_workspace_time_idx. Channel and purpose are checked on the rows the index walks.
 */
export function messageLogQuery(scope: WorkspaceScope, filters: MessageLogFilters, page: { before: { at: number; id: string } | null; limit: number }) {
  return scope.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, scope.workspaceId),
        filters.customerId !== undefined ? eq(messages.customerId, filters.customerId) : undefined,
        filters.status !== undefined ? eq(messages.status, filters.status) : undefined,
        filters.channel !== undefined ? eq(messages.channel, filters.channel) : undefined,
        filters.purpose !== undefined ? eq(messages.purpose, filters.purpose) : undefined,
        filters.from !== undefined ? gte(messages.createdAt, filters.from) : undefined,
        filters.to !== undefined ? lt(messages.createdAt, filters.to) : undefined,
        page.before ? sql`(${messages.createdAt}, ${messages.id}) < (${page.before.at}, ${page.before.id})` : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(page.limit + 1);
}

export const messageLogRouter = createRouter()
  .openapi(listMessageLogRoute, async (c) => {
    const { cursor, limit, from, to, ...rest } = c.req.valid("query");
    const range = { from: from === undefined ? undefined : Date.parse(from), to: to === undefined ? undefined : Date.parse(to) };
    if (range.from !== undefined && range.to !== undefined && range.from >= range.to) throw invalidField("query.from", "invalid_time_range");
    const rows = await messageLogQuery(c.get("scope"), { ...rest, ...range }, { before: cursorTimeId(cursor), limit });
    return c.json(toPage(rows, limit, (row) => [row.createdAt, row.id], presentMessage), 200);
  })
  .openapi(listUnmatchedRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const revealed = actorOf(c).permissions.has("customers.pii:read");
    const rows = await unmatchedRepliesQuery(c.get("scope"), cursorTimeId(cursor), limit);
    const present = (row: (typeof rows)[number]) => ({
      id: row.id,
      from: revealed || !row.sender.startsWith("+98") ? row.sender : maskMobile(row.sender),
      text: row.text,
      receivedAt: toIso(row.receivedAt)!,
    });
    return c.json(toPage(rows, limit, (row) => [row.receivedAt, row.id], present), 200);
  })
  .openapi(simulateReportRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { status, reason } = c.req.valid("json");
    const scope = c.get("scope");
    const [message] = await messagesByIds(scope, [id]);
    if (!message) throw notFound();
    if (message.providerKind !== "outbox") throw new Problem(409, "not_outbox_message");
    const provider = await findProvider(scope, "sms");
    await recordCallbackItems(c.env, scope, { ...provider, kind: "outbox" }, [
      { kind: "report", providerMessageId: id, outcome: status, reason: status === "failed" ? (reason ?? "failed") : null },
    ]);
    const [after] = await messagesByIds(scope, [id]);
    return c.json(presentMessage(after!), 200);
  })
  .openapi(simulateReplyRoute, async (c) => {
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const provider = await findProvider(scope, "sms");
    if (provider.kind !== "outbox") throw new Problem(409, "not_outbox_channel");
    const receipt = await recordCallbackItems(c.env, scope, provider, [
      { kind: "reply", ref: null, from: input.from, text: input.text, receivedAt: Date.now(), inReplyToMessageId: input.inReplyToMessageId ?? null },
    ]);
    return c.json(receipt, 200);
  });
