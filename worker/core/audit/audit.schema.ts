// The audit log: who did what, to which record, when and from where. Append-only.
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, workspaceId } from "../data/columns";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    workspaceId: workspaceId(),
    actorUserId: text("actor_user_id"),
    actorApiKeyId: text("actor_api_key_id"),
    action: text("action").notNull(),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    customerId: text("customer_id"),
    details: json<Record<string, unknown>>("details"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_workspace_idx").on(t.workspaceId, t.id),
    index("audit_actor_idx").on(t.workspaceId, t.actorUserId, t.id),
    index("audit_action_idx").on(t.workspaceId, t.action, t.id),
    index("audit_customer_idx").on(t.workspaceId, t.customerId, t.id),
  ],
);
