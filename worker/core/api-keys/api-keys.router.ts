// API keys for integrations: created with scopes the creator holds, shown once, stored as a
// SHA-256 hash, revoked at once by whoever may manage the key's creator. Creating and revoking are
// audited in the same batch.
import { and, eq, isNull } from "drizzle-orm";
import { actorOf } from "../auth/auth.middleware";
import { randomToken, sha256Hex } from "../auth/tokens";
import { auditEntry, auditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import { toPage, cursorId } from "../data/cursor";
import { openDirectory } from "../data/database";
import { newId } from "../data/ids";
import { apiKeys } from "../data/schema";
import { invalidField, notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { assertGrantable, uniquePermissions } from "../roles/permission-catalogue";
import { actorRoleKey, assertMayManage, grantorOf } from "../roles/role-policy";
import { findStaff } from "../users/users.repository";
import { findApiKey, listApiKeys, presentApiKey, type ApiKeyRow } from "./api-keys.repository";
import { createApiKeyRoute, listApiKeysRoute, revokeApiKeyRoute } from "./api-keys.routes";

/** Keys look like `crm_<43 random url-safe characters>`; the prefix is enough to tell keys apart. */
const KEY_PREFIX = "crm_";
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 8;

export const apiKeysRouter = createRouter()
  .openapi(listApiKeysRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const rows = await listApiKeys(openDirectory(c.env), c.get("scope").workspaceId, cursorId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.id], presentApiKey), 200);
  })
  .openapi(createApiKeyRoute, async (c) => {
    const body = c.req.valid("json");
    const actor = actorOf(c);
    const scope = c.get("scope");
    const time = now();
    const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= time) throw invalidField("body.expiresAt", "expiry_in_past");
    assertGrantable(actor, body.scopes, "body.scopes");
    const key = `${KEY_PREFIX}${randomToken(32)}`;
    const row: ApiKeyRow = {
      id: newId("key"),
      workspaceId: scope.workspaceId,
      name: body.name,
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      keyHash: await sha256Hex(key),
      scopes: uniquePermissions(body.scopes),
      createdBy: actor.userId,
      createdAt: time,
      lastUsedAt: null,
      expiresAt,
      revokedAt: null,
    };
    const directory = openDirectory(c.env);
    // Today the directory and the workspace share one database, so the key and its audit row
    // commit together.
    await directory.batch([
      directory.insert(apiKeys).values(row),
      auditEntry(scope, auditOrigin(c), {
        action: "api_key.created",
        entityType: "api_key",
        entityId: row.id,
        details: { name: row.name, prefix: row.prefix, scopes: row.scopes, expiresAt: row.expiresAt },
      }),
    ]);
    return c.json({ ...presentApiKey(row), key }, 201);
  })
  .openapi(revokeApiKeyRoute, async (c) => {
    const { id } = c.req.valid("param");
    const scope = c.get("scope");
    const directory = openDirectory(c.env);
    const row = await findApiKey(directory, scope.workspaceId, id);
    if (!row) throw notFound();
    // A key acts as its creator, so revoking it is managing them: same rule as for the person
    // (only an owner touches an owner's key; nobody touches the key of someone above them).
    const actor = actorOf(c);
    if (row.createdBy !== actor.userId) {
      const creator = await findStaff(directory, scope.workspaceId, row.createdBy);
      if (creator) assertMayManage(grantorOf(actor, await actorRoleKey(directory, actor)), creator.role);
    }
    // Revoking twice is harmless and records nothing new.
    if (row.revokedAt !== null) return c.body(null, 204);
    await directory.batch([
      directory
        .update(apiKeys)
        .set({ revokedAt: now() })
        .where(and(eq(apiKeys.workspaceId, scope.workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt))),
      auditEntry(scope, auditOrigin(c), {
        action: "api_key.revoked",
        entityType: "api_key",
        entityId: id,
        details: { name: row.name, prefix: row.prefix },
      }),
    ]);
    return c.body(null, 204);
  });
