// Writing the audit log. `auditEntry` returns the insert so it joins the batch of the change
// it records: an audited change and its audit row commit together or not at all.
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { auditLog } from "../data/schema";

export interface AuditOrigin {
  actorUserId: string | null;
  actorApiKeyId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function auditOrigin(c: Context): AuditOrigin {
  const actor = c.get("actor");
  return {
    actorUserId: actor?.userId ?? null,
    actorApiKeyId: actor?.apiKeyId ?? null,
    ip: c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? null,
    userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
  };
}

export interface AuditFacts {
  action: string;
  entityType?: string;
  entityId?: string;
  customerId?: string | null;
  details?: Record<string, unknown>;
}

export function auditEntry(scope: WorkspaceScope, origin: AuditOrigin, facts: AuditFacts) {
  return scope.db.insert(auditLog).values({
    id: newId("aud"),
    workspaceId: scope.workspaceId,
    ...origin,
    action: facts.action,
    entityType: facts.entityType ?? null,
    entityId: facts.entityId ?? null,
    customerId: facts.customerId ?? null,
    details: facts.details ?? null,
    createdAt: now(),
  });
}

/** Audits an action that has no other write (a reveal, an export). */
export async function audit(c: Context, facts: AuditFacts): Promise<void> {
  actorOf(c);
  await auditEntry(c.get("scope"), auditOrigin(c), facts).run();
}
