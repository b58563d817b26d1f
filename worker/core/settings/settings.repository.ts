// Reading and writing a workspace's settings. The workspace row is a directory row; the
// customers a CID change re-keys are workspace data.
import { eq } from "drizzle-orm";
import { auditEntry, type AuditOrigin } from "../audit/audit";
import { toIso } from "../data/clock";
import type { Database, WorkspaceScope } from "../data/database";
import { workspaces } from "../data/schema";
import type { WorkspaceSettings } from "../workspaces/workspace-settings";
import { rekeyStatements } from "./cid-change";
import { minorUnitExponent } from "./currency";
import type { SettingsUpdate, SettingsView } from "./settings.schemas";
import { z } from "@hono/zod-openapi";
import { zodProblem } from "../http/validation";
import { policyOf, updatedPolicy, type MessagingPolicySettings } from "../messaging/messaging-policy";

export type SettingsChanges = { [K in Exclude<keyof SettingsUpdate, "messaging">]?: NonNullable<SettingsUpdate[K]> } & { messagingPolicy?: MessagingPolicySettings };

/** The fields of the update whose value differs from the current one (the policy as a whole, merged). */
export function changedSettings(current: WorkspaceSettings, update: SettingsUpdate, locale: "fa" | "en" = "en"): SettingsChanges {
  const changes: Record<string, unknown> = {};
  const { messaging, ...plain } = update;
  for (const [key, value] of Object.entries(plain)) {
    if (value !== undefined && current[key as keyof WorkspaceSettings] !== value) changes[key] = value;
  }
  if (messaging) {
    const merged = updatedPolicy(current.messagingPolicy, messaging);
    if (!merged.success) throw zodProblem(new z.ZodError(merged.error.issues.map((issue) => ({ ...issue, path: ["messaging", ...issue.path] }))), "json", locale);
    if (JSON.stringify(merged.data) !== JSON.stringify(policyOf(current.messagingPolicy))) changes.messagingPolicy = merged.data;
  }
  return changes as SettingsChanges;
}

/**
 * The settings, the re-keyed customers (when the CID kind changes) and the audit row in one
 * batch. Today the directory and the workspace's data share one database, which is what lets
 * them commit together; a sharded workspace will need the CID kind to live with its data.
 */
export async function saveSettings(
  directory: Database,
  scope: WorkspaceScope,
  current: WorkspaceSettings,
  changes: SettingsChanges,
  origin: AuditOrigin,
  time: number,
): Promise<void> {
  const before = Object.fromEntries(
    Object.keys(changes).map((key) => [key, key === "messagingPolicy" ? policyOf(current.messagingPolicy) : current[key as keyof WorkspaceSettings]]),
  );
  await directory.batch([
    directory
      .update(workspaces)
      .set({ ...changes, updatedAt: time })
      .where(eq(workspaces.id, scope.workspaceId)),
    ...(changes.cidKind ? rekeyStatements(scope, changes.cidKind, time) : []),
    auditEntry(scope, origin, { action: "settings.updated", entityType: "workspace", entityId: scope.workspaceId, details: { before, after: changes } }),
  ]);
}

export function presentSettings(row: WorkspaceSettings): SettingsView {
  return {
    name: row.name,
    cidKind: row.cidKind,
    lapsedDays: row.lapsedDays,
    locale: row.locale,
    timeZone: row.timeZone,
    currency: row.currency,
    messaging: policyOf(row.messagingPolicy),
    weekStart: row.weekStart,
    smsSignIn: row.smsSignIn,
    currencyExponent: minorUnitExponent(row.currency),
    updatedAt: toIso(row.updatedAt)!,
  };
}
