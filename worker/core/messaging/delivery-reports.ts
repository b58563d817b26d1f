// Recording a provider's delivery report on the message it names: `sent` (or the outbox's
// `recorded`) becomes `delivered` or `failed` with the provider's reason, and the matching
// `message.delivered` / `message.failed` event is written in the same batch. The update only
// applies to a message still waiting for its report, and the event only follows a row that
// changed, so a report sent again (or twice at once) changes nothing and announces nothing.
import { and, eq, inArray } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { messages } from "../data/schema";
import { eventEntryIfChanged } from "../events/outbox";
import type { MessageRow } from "./messages.repository";
import type { ProviderKind } from "./messaging.schema";
import type { DeliveryReport } from "./sms-callbacks";

export type ReportOutcome = "applied" | "repeated" | "unknown";

const AWAITING_REPORT = ["sent", "recorded"] as const;

/** The message a report names: by our id for the outbox, by the provider's id otherwise. */
async function reportedMessage(scope: WorkspaceScope, provider: ProviderKind, providerMessageId: string): Promise<MessageRow | undefined> {
  const reference = provider === "outbox" ? eq(messages.id, providerMessageId) : eq(messages.providerMessageId, providerMessageId);
  return scope.db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, scope.workspaceId), eq(messages.providerKind, provider), reference))
    .get();
}

export async function applyDeliveryReport(scope: WorkspaceScope, provider: ProviderKind, report: DeliveryReport): Promise<ReportOutcome> {
  const message = await reportedMessage(scope, provider, report.providerMessageId);
  if (!message) return "unknown";
  if (!(AWAITING_REPORT as readonly string[]).includes(message.status)) return "repeated";
  const facts = {
    messageId: message.id,
    customerId: message.customerId,
    channel: message.channel,
    purpose: message.purpose,
    sentByPlugin: message.sentByPlugin,
  };
  const anchor = { table: messages, where: and(eq(messages.workspaceId, scope.workspaceId), eq(messages.id, message.id))! };
  const statusChange = scope.db
    .update(messages)
    .set(report.outcome === "delivered" ? { status: "delivered" } : { status: "failed", error: report.reason ?? "failed" })
    .where(and(eq(messages.workspaceId, scope.workspaceId), eq(messages.id, message.id), inArray(messages.status, [...AWAITING_REPORT])))
    .returning({ id: messages.id });
  const [updated] = await scope.db.batch([
    statusChange,
    report.outcome === "delivered"
      ? eventEntryIfChanged(scope, "message.delivered", facts, anchor)
      : eventEntryIfChanged(scope, "message.failed", { ...facts, reason: report.reason ?? "failed" }, anchor),
  ]);
  return updated.length === 1 ? "applied" : "repeated";
}

