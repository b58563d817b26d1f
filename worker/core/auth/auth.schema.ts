// Sessions and API keys. Tokens are stored only as SHA-256 hashes.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, workspaceId } from "../data/columns";

export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: text("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_unique").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    // The first characters of the key, shown in lists so a key can be recognised.
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    scopes: json<string[]>("scopes").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at"),
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_unique").on(t.keyHash), index("api_keys_workspace_idx").on(t.workspaceId, t.id)],
);

/**
 * One-time sign-in codes sent by SMS. A request for a mobile no eligible user has still gets a
 * row (user_id null, a code nobody was sent), so expiry and the attempt limit answer alike
 * whether or not the mobile belongs to someone.
 */
export const signInCodes = sqliteTable(
  "sign_in_codes",
  {
    id: id(),
    mobile: text("mobile").notNull(),
    workspaceId: text("workspace_id"),
    userId: text("user_id"),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("sign_in_codes_mobile_idx").on(t.mobile, t.createdAt), index("sign_in_codes_expires_idx").on(t.expiresAt)],
);
