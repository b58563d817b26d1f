// Handlers for the export contract. The audit row is written before the first byte leaves, so
// no export escapes the log, even one the client abandons halfway.
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { audit } from "../audit/audit";
import { now } from "../data/clock";
import { openDirectory } from "../data/database";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { Problem } from "../http/problem";
import { customerSheet, customersCsv } from "./customers-csv";
import type { ExportReader } from "./export-language";
import { exportChosenCsvRoute, exportChosenXlsxRoute, exportCustomersCsvRoute, exportCustomersXlsxRoute, exportWorkspaceJsonRoute } from "./export.routes";
import { staffOf } from "./export.repository";
import { countShownCustomers, followsList, shownCustomersSource, type ShownCustomers } from "./shown-customers";
import { textStream } from "./text-stream";
import { omittedSections, workspaceJson } from "./workspace-json";
import { XLSX_MAX_ROWS, xlsxStream } from "./xlsx";

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

type CustomersFormat = "csv" | "xlsx";

/** Both formats, for the list's filters or the ticked rows: masked as the exporter may see, audited before the first byte. */
async function customersExport(c: Context, shown: ShownCustomers, reader: Pick<ExportReader, "lang" | "dates">, format: CustomersFormat): Promise<Response> {
  const actor = actorOf(c);
  const scope = c.get("scope");
  const directory = openDirectory(c.env);
  const [settings, staff] = await Promise.all([getWorkspaceSettings(c.env, scope.workspaceId), staffOf(directory, scope.workspaceId)]);
  const revealPii = actor.permissions.has("customers.pii:read");
  const search = { timeZone: settings.timeZone, mobileTail: revealPii };
  const source = followsList(shown) ? await shownCustomersSource(scope, shown, search) : undefined;
  if (format === "xlsx") {
    const count = await countShownCustomers(scope, shown, search);
    if (count > XLSX_MAX_ROWS - 1) throw new Problem(400, "too_many_rows_for_excel", { params: { count, limit: XLSX_MAX_ROWS - 1 } });
  }
  await audit(c, {
    action: format === "csv" ? "export.customers_csv" : "export.customers_xlsx",
    entityType: "customer",
    details: { piiMasked: !revealPii, ...(source ? { shown } : {}), ...(reader.lang ? { lang: reader.lang } : {}) },
  });
  const options = {
    revealPii,
    cidKind: settings.cidKind,
    ownerEmails: new Map(staff.map((user) => [user.id, user.email])),
    reader: { ...reader, timeZone: settings.timeZone },
    ...(source ? { source } : {}),
  };
  const name = `customers-${localDate(settings.timeZone)}`;
  if (format === "csv") return download(c, textStream(customersCsv(scope, options)), "text/csv; charset=utf-8", `${name}.csv`);
  const sheet = xlsxStream(customerSheet(scope, options), { sheetName: reader.lang === "fa" ? "مشتریان" : "Customers", rightToLeft: reader.lang === "fa" });
  return download(c, sheet, XLSX_TYPE, `${name}.xlsx`);
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const exportRouter = createRouter()
  .openapi(exportCustomersCsvRoute, async (c) => {
    const { lang, dates, ...shown } = c.req.valid("query");
    return customersExport(c, shown, { lang, dates }, "csv") as never;
  })
  .openapi(exportCustomersXlsxRoute, async (c) => {
    const { lang, dates, ...shown } = c.req.valid("query");
    return customersExport(c, shown, { lang, dates }, "xlsx") as never;
  })
  .openapi(exportChosenCsvRoute, async (c) => customersExport(c, { ids: [...new Set(c.req.valid("json").ids)] }, c.req.valid("query"), "csv") as never)
  .openapi(exportChosenXlsxRoute, async (c) => customersExport(c, { ids: [...new Set(c.req.valid("json").ids)] }, c.req.valid("query"), "xlsx") as never)
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
