// Queries on the workspace's messaging providers. Every function takes the workspace scope first.
import { and, eq } from "drizzle-orm";
import { auditEntry, type AuditOrigin } from "../audit/audit";
import { openDirectory, type WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { messagingProviders } from "../data/schema";
import type { MessageChannel } from "./messaging.schema";
import { secretBox } from "../secrets/secret-box";
import { defaultProvider, openedSecrets, type StoredProvider } from "./provider-config";

/** The channel's configuration, or the default outbox when none was saved. */
export async function findProvider(scope: WorkspaceScope, channel: MessageChannel): Promise<StoredProvider> {
  const row = await scope.db
    .select()
    .from(messagingProviders)
    .where(and(eq(messagingProviders.workspaceId, scope.workspaceId), eq(messagingProviders.channel, channel)))
    .get();
  return row ? storedOf(row) : defaultProvider(channel);
}

const storedOf = (row: typeof messagingProviders.$inferSelect): StoredProvider => ({
  channel: row.channel,
  kind: row.kind,
  config: row.config,
  secrets: row.secrets,
  connectionId: row.connectionId,
  optOutWords: row.optOutWords,
  updatedAt: row.updatedAt,
});

/** The SMS connection a callback URL names, whichever workspace holds it (unique-index lookup). */
export async function providerForCallback(env: Env, connectionId: string): Promise<(StoredProvider & { workspaceId: string }) | null> {
  const row = await openDirectory(env).select().from(messagingProviders).where(eq(messagingProviders.connectionId, connectionId)).get();
  return row && row.channel === "sms" ? { ...storedOf(row), workspaceId: row.workspaceId } : null;
}

/**
 * The channel's configuration with its secrets in plain text, for sending. Secrets stored in plain
 * text or under the previous key are sealed again under the current one (once: the update only
 * applies while the stored secrets are still the ones read).
 */
export async function providerForSending(env: Env, scope: WorkspaceScope, stored: StoredProvider): Promise<StoredProvider> {
  const values = Object.values(stored.secrets);
  if (values.length === 0) return stored;
  const box = await secretBox(env);
  const secrets = await openedSecrets(box, stored.secrets);
  if (!values.every((value) => box.isCurrent(value))) {
    const resealed = Object.fromEntries(await Promise.all(Object.entries(secrets).map(async ([name, plain]) => [name, await box.seal(plain)] as const)));
    await scope.db
      .update(messagingProviders)
      .set({ secrets: resealed })
      .where(and(eq(messagingProviders.workspaceId, scope.workspaceId), eq(messagingProviders.channel, stored.channel), eq(messagingProviders.secrets, stored.secrets)));
  }
  return { ...stored, secrets };
}

/** The new configuration and its audit row together; the audit names the kinds, never a setting or secret. */
export async function saveProvider(
  scope: WorkspaceScope,
  previous: StoredProvider,
  next: Pick<StoredProvider, "channel" | "kind" | "config" | "secrets" | "optOutWords">,
  origin: AuditOrigin,
  time: number,
): Promise<void> {
  // SMS gets its callback path once and keeps it through changes of provider.
  const connectionId = next.channel === "sms" ? (previous.connectionId ?? newId("smsc")) : null;
  const values = { kind: next.kind, config: next.config, secrets: next.secrets, connectionId, optOutWords: next.optOutWords, updatedBy: origin.actorUserId, updatedAt: time };
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
