// The export contract: a business can leave with its customers (CSV or Excel) and with everything (JSON).
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute, jsonBody } from "../http/route";
import { CustomerListQuery } from "../customers/customers.routes";
import { MAX_SELECTED_IDS } from "../bulk-actions/bulk-action.schemas";
import { EXPORT_DATES, EXPORT_LANGUAGES } from "./export-language";
import { XLSX_MAX_ROWS } from "./xlsx";

/** What the customer list shows: its filters and sort, or a saved segment (newest first). */
export const CustomerExportQuery = CustomerListQuery.pick({ q: true, tag: true, city: true, province: true, ownerUserId: true, stage: true })
  .extend({
    sort: CustomerListQuery.shape.sort.unwrap().optional(),
    segmentId: z.string().min(1).max(64).optional().openapi({ description: "A saved segment's customers instead of the list's filters." }),
  })
  .extend(ReaderQuery().shape);

/** The reader's language and calendar; without `lang`, the machine's file (column keys, codes, ISO 8601). */
function ReaderQuery() {
  return z.object({
    lang: z.enum(EXPORT_LANGUAGES).optional().openapi({
      description: "Headers and coded values (stage, consent, …) in Persian or English; dates as the local day, Jalali (1403/09/16) in `fa`, Gregorian (2024-12-06) in `en`.",
    }),
    dates: z.enum(EXPORT_DATES).optional().openapi({ description: "`iso` keeps ISO 8601 times with a language, for machines." }),
  });
}

/** Rows ticked on the list, sent in the body (more ids than an address holds). */
export const ChosenCustomers = z
  .object({ ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_SELECTED_IDS) })
  .strict()
  .openapi("ChosenCustomers");

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const errors = { 401: problemResponses[401], 403: problemResponses[403] };
const csvFile = { description: "The CSV file (attachment).", content: { "text/csv": { schema: z.string() } } };
const xlsxFile = { description: "The Excel workbook (attachment).", content: { [XLSX]: { schema: z.string().openapi({ format: "binary" }) } } };

export const exportCustomersCsvRoute = guardedRoute("customers:export", {
  method: "get",
  path: "/api/export/customers.csv",
  tags: ["Export"],
  request: { query: CustomerExportQuery },
  summary: "Live customers as CSV: all, or what the list shows",
  description:
    "UTF-8 with a byte-order mark (Excel shows Persian), RFC 4180 quoting, one row per live customer, streamed. " +
    "With the customer list's filters and sort (or a saved segment), exactly the customers the list shows, in its order; the filters are audited with the export. " +
    "Mobile, e-mail, national code and address are masked unless the exporter holds `customers.pii:read`. " +
    "Mobiles are written as 0912…; tags are separated by `; `; text that a spreadsheet would run as a formula starts with `'`. Audited.",
  responses: {
    200: csvFile,
    ...errors,
  },
});

export const exportCustomersXlsxRoute = guardedRoute("customers:export", {
  method: "get",
  path: "/api/export/customers.xlsx",
  tags: ["Export"],
  request: { query: CustomerExportQuery },
  summary: "Live customers as an Excel workbook: all, or what the list shows",
  description:
    "The CSV's rows, columns, filters, sort, language and masking as one .xlsx sheet (right to left in Persian), streamed. " +
    `An Excel sheet holds ${XLSX_MAX_ROWS.toLocaleString("en")} rows: more matching customers are refused with a problem that suggests the CSV. Audited.`,
  responses: { 200: xlsxFile, 400: problemResponses[400], ...errors },
});

const chosenRequest = { query: ReaderQuery(), body: jsonBody(ChosenCustomers) };

export const exportChosenCsvRoute = guardedRoute("customers:export", {
  method: "post",
  path: "/api/export/customers.csv",
  tags: ["Export"],
  request: chosenRequest,
  summary: "Chosen customers as CSV",
  description: "The CSV of the customers ticked on the list (newest first), as the GET writes it. Audited with the ids.",
  responses: { 200: csvFile, 400: problemResponses[400], ...errors },
});

export const exportChosenXlsxRoute = guardedRoute("customers:export", {
  method: "post",
  path: "/api/export/customers.xlsx",
  tags: ["Export"],
  request: chosenRequest,
  summary: "Chosen customers as an Excel workbook",
  description: "The workbook of the customers ticked on the list (newest first), as the GET writes it. Audited with the ids.",
  responses: { 200: xlsxFile, 400: problemResponses[400], ...errors },
});

export const exportWorkspaceJsonRoute = guardedRoute("customers:export", {
  method: "get",
  path: "/api/export/workspace.json",
  tags: ["Export"],
  summary: "Everything the workspace owns as JSON",
  description:
    "Settings, customers with identifiers and tags (merged and erased tombstones included) and events; and each further section " +
    "only for an exporter holding what its own route needs: roles and staff (no password hashes) with `users:manage`, " +
    "API keys (no key hashes) with `api_keys:manage`, interactions and messages with `customers:read`, tasks with `tasks:read`, " +
    "the audit log with `audit:read`. `omitted` names the sections left out. " +
    "Streamed; personal data masked unless the exporter holds `customers.pii:read`. Audited.",
  responses: {
    200: {
      description: "The workspace document (attachment).",
      content: {
        "application/json": {
          schema: z
            .object({ format: z.string(), version: z.number(), exportedAt: z.string(), piiMasked: z.boolean(), omitted: z.array(z.string()) })
            .passthrough()
            .openapi("WorkspaceExport"),
        },
      },
    },
    ...errors,
  },
});
