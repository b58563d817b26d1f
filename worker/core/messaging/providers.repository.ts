// Queries on the workspace's messaging providers. Every function takes the workspace scope first.
import { and, eq } from "drizzle-orm";
import { auditEntry, type AuditOrigin } from "../audit/audit";
import type { WorkspaceScope } from "../data/database";
import { messagingProviders } from "../data/schema";
import type { MessageChannel } from "./messaging.schema";
import { defaultProvider, type StoredProvider } from "./provider-config";

/** The channel's configuration, or the default outbox when none was saved. */
export async function findProvider(scope: WorkspaceScope, channel: MessageChannel): Promise<StoredProvider> {
  const row = await scope.db
    .select()
    .from(messagingProviders)
    .where(and(eq(messagingProviders.workspaceId, scope.workspaceId), eq(messagingProviders.channel, channel)))
    .get();
  return row ? { channel, kind: row.kind, config: row.config, secrets: row.secrets, updatedAt: row.updatedAt } : defaultProvider(channel);
}

/** The new configuration and its audit row together; the audit names the kinds, never a setting or secret. */
export async function saveProvider(
  scope: WorkspaceScope,
  previous: StoredProvider,
  next: Pick<StoredProvider, "channel" | "kind" | "config" | "secrets">,
  origin: AuditOrigin,
  time: number,
): Promise<void> {
  const values = { kind: next.kind, config: next.config, secrets: next.secrets, updatedBy: origin.actorUserId, updatedAt: time };
  await scope.db.batch([
    scope.db
      .insert(messagingProviders)
      .values({ workspaceId: scope.workspaceId, channel: next.channel, ...values })
      .onConflictDoUpdate({ target: [messagingProviders.workspaceId, messagingProviders.channel], set: values }),
    auditEntry(scope, origin, {
      action: "messaging.provider_updated",
      entityType: "messaging_provider",
      entityId: next.channel,
      details: { channel: next.channel, kind: next.kind, previousKind: previous.kind },
    }),
  ]);
}
