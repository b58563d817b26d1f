// Handlers for the export contract. The audit row is written before the first byte leaves, so
// no export escapes the log, even one the client abandons halfway.
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { audit } from "../audit/audit";
import { now } from "../data/clock";
import { openDirectory } from "../data/database";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { customersCsv } from "./customers-csv";
import { exportCustomersCsvRoute, exportWorkspaceJsonRoute } from "./export.routes";
import { staffOf } from "./export.repository";
import { followsList, shownCustomersSource } from "./shown-customers";
import { textStream } from "./text-stream";
import { omittedSections, workspaceJson } from "./workspace-json";

/** The date in the workspace's time zone, for the file name (workerd's clock is UTC). */
const localDate = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now());

function download(c: Context, body: ReadableStream<Uint8Array>, contentType: string, filename: string): Response {
  return c.body(body, 200, {
    "content-type": contentType,
    "content-disposition": `attachment; filename="${filename}"`,
    // Personal data: never kept by a browser or proxy cache.
    "cache-control": "no-store",
  });
}

export const exportRouter = createRouter()
  .openapi(exportCustomersCsvRoute, async (c) => {
    const actor = actorOf(c);
    const scope = c.get("scope");
    const directory = openDirectory(c.env);
    const [settings, staff] = await Promise.all([getWorkspaceSettings(c.env, scope.workspaceId), staffOf(directory, scope.workspaceId)]);
    const revealPii = actor.permissions.has("customers.pii:read");
    const shown = c.req.valid("query");
    const source = followsList(shown) ? await shownCustomersSource(scope, shown, { timeZone: settings.timeZone, mobileTail: revealPii }) : undefined;
    await audit(c, { action: "export.customers_csv", entityType: "customer", details: { piiMasked: !revealPii, ...(source ? { shown } : {}) } });
    const rows = customersCsv(scope, { revealPii, cidKind: settings.cidKind, ownerEmails: new Map(staff.map((user) => [user.id, user.email])), ...(source ? { source } : {}) });
    return download(c, textStream(rows), "text/csv; charset=utf-8", `customers-${localDate(settings.timeZone)}.csv`);
  })
  .openapi(exportWorkspaceJsonRoute, async (c) => {
    const actor = actorOf(c);
    const scope = c.get("scope");
    const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
    const revealPii = actor.permissions.has("customers.pii:read");
    const omitted = omittedSections(actor.permissions);
    await audit(c, { action: "export.workspace_json", entityType: "workspace", entityId: scope.workspaceId, details: { piiMasked: !revealPii, omitted } });
    const document = workspaceJson(scope, { directory: openDirectory(c.env), revealPii, cidKind: settings.cidKind, omitted });
    // The body is JSON written as a stream, which the route's JSON response type cannot express.
    return download(c, textStream(document), "application/json; charset=utf-8", `workspace-${localDate(settings.timeZone)}.json`) as never;
  });
