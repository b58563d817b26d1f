// The export contract: a business can leave with its customers (CSV) and with everything (JSON).
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { CustomerListQuery } from "../customers/customers.routes";

/** What the customer list shows: its filters and sort, or a saved segment (newest first). */
export const CustomerExportQuery = CustomerListQuery.pick({ q: true, tag: true, city: true, province: true, ownerUserId: true, stage: true })
  .extend({
    sort: CustomerListQuery.shape.sort.unwrap().optional(),
    segmentId: z.string().min(1).max(64).optional().openapi({ description: "A saved segment's customers instead of the list's filters." }),
  });

const errors = { 401: problemResponses[401], 403: problemResponses[403] };

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
    200: { description: "The CSV file (attachment).", content: { "text/csv": { schema: z.string() } } },
    ...errors,
  },
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
