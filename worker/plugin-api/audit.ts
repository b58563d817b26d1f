// Audit rows for a plugin's routes: who (user or API key), from where, did what to which record.
// The entry is a statement, to commit in the same batch as the change it records.
import type { Context } from "hono";
import { auditEntry, auditOrigin, type AuditFacts } from "../core/audit/audit";
import type { Statement } from "./types";

export type { AuditFacts };

/** `action` is "<plugin id>.<what happened>" (e.g. "loyalty.points_adjusted"). */
export function pluginAuditEntry(c: Context, facts: AuditFacts): Statement {
  return auditEntry(c.get("scope"), auditOrigin(c), facts);
}
