// Reading the audit log: who did what, when and from where.
import { toIso } from "../data/clock";
import { toPage, cursorId } from "../data/cursor";
import { openDirectory } from "../data/database";
import { createRouter } from "../http/router";
import { actorNames, auditPageQuery } from "./audit.repository";
import { listAuditRoute } from "./audit.routes";

export const auditRouter = createRouter().openapi(listAuditRoute, async (c) => {
  const query = c.req.valid("query");
  const scope = c.get("scope");
  const rows = await auditPageQuery(scope, {
    actorUserId: query.actor,
    action: query.action,
    customerId: query.customerId,
    from: query.from ? Date.parse(query.from) : undefined,
    to: query.to ? Date.parse(query.to) : undefined,
    before: cursorId(query.cursor),
    limit: query.limit,
  }).all();
  const page = rows.slice(0, query.limit);
  const names = await actorNames(openDirectory(c.env), scope.workspaceId, [
    ...new Set(page.flatMap((row) => (row.actorUserId ? [row.actorUserId] : []))),
  ]);
  return c.json(
    toPage(rows, query.limit, (row) => [row.id], (row) => {
      const who = row.actorUserId ? names.get(row.actorUserId) : undefined;
      return {
        id: row.id,
        at: toIso(row.createdAt)!,
        actor: { userId: row.actorUserId, name: who?.name ?? null, email: who?.email ?? null, apiKeyId: row.actorApiKeyId },
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        customerId: row.customerId,
        details: row.details,
        ip: row.ip,
        userAgent: row.userAgent,
      };
    }),
    200,
  );
});
