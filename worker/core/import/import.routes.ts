// The import contract: upload a CSV with a column mapping (customers or orders), as a dry run or
// for real, and follow the job's progress and per-row report.
import { z } from "@hono/zod-openapi";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { CUSTOMER_FIELDS, ORDER_FIELDS } from "./import-mapping";
import { IMPORT_JOB_STATUSES, IMPORT_KINDS, ROW_OUTCOMES } from "./import.schema";

import { MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "./parse-csv";

const uploadFields = {
  csv: z.string().min(1).openapi({
    description: `The file's text: UTF-8 with or without a byte-order mark, comma-, semicolon- or tab-separated, RFC 4180 quoting. The first row is the header. At most ${MAX_IMPORT_ROWS} data rows, ${MAX_IMPORT_COLUMNS} columns and ${MAX_CELL_CHARS} characters in a cell; a file beyond any of these is refused whole (400), nothing stored.`,
    example: "mobile;first name\n09121234567;Sara\n",
  }),
  delimiter: z.enum([",", ";", "\t", "|"]).optional().openapi({ description: "Guessed from the file when not given." }),
  dryRun: z.boolean().default(false).openapi({ description: "Report what would happen, write nothing." }),
};

const mappingOf = (fields: readonly string[]) =>
  z.record(z.string().min(1).max(200), z.string().max(40)).openapi({
    description: `CSV header → field. Fields: ${fields.join(", ")}.`,
  });

export const CustomerImportInput = z
  .object({ ...uploadFields, mapping: mappingOf(CUSTOMER_FIELDS).openapi({ example: { mobile: "mobile", "first name": "firstName" } }) })
  .strict()
  .openapi("CustomerImport");

export const OrderImportInput = z
  .object({
    ...uploadFields,
    mapping: mappingOf(ORDER_FIELDS).openapi({ example: { mobile: "customer", "order id": "externalId", amount: "total", date: "placedAt" } }),
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
      .default("csv")
      .openapi({ description: "Where the file comes from (e.g. an old shop's name): with each row's external order id it keys the order, so importing it again changes nothing." }),
  })
  .strict()
  .openapi("OrderImport");

const RowErrorSchema = z.object({ path: z.string(), column: z.string().nullable(), code: z.string(), message: z.string() });

export const RowReportSchema = z
  .object({
    row: z.number().int().openapi({ description: "1-based data row (the header is row 0)." }),
    outcome: z.enum(ROW_OUTCOMES),
    recordId: z.string().nullable().openapi({ description: "The customer (or order) created or matched; null in a dry run for a new one." }),
    changed: z.array(z.string()).optional(),
    errors: z.array(RowErrorSchema).optional(),
  })
  .openapi("ImportRowReport");

export const ImportJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    status: z.enum(IMPORT_JOB_STATUSES),
    dryRun: z.boolean(),
    totalRows: z.number().int(),
    rowsDone: z.number().int(),
    totals: z.object({ accepted: z.number().int(), merged: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
    mapping: z.record(z.string(), z.string()),
    source: z.string().nullable(),
    error: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    rows: z.object({ items: z.array(RowReportSchema), nextCursor: z.string().nullable() }),
  })
  .openapi("ImportJob");

const jobResponses = {
  200: { description: "A small file, processed at once: the finished job with its report.", content: { "application/json": { schema: ImportJobSchema } } },
  202: { description: "A large file, queued: poll GET /api/import/jobs/{id} for progress.", content: { "application/json": { schema: ImportJobSchema } } },
  ...problemResponses,
};

const describe = (what: string) =>
  `${what} A file that fits in one chunk is processed in the request (200); a larger one is stored as a job and processed chunk by chunk in the background (202). ` +
  "A chunk is as many rows as one invocation's D1 queries allow: up to 200 rows, a few on the Workers Free plan (the D1_QUERIES_PER_INVOCATION variable says which). " +
  "A dry run reports the same outcomes and writes nothing. Rows are validated as the API validates them; a bad mapping is a 400 and nothing is stored.";

export const importCustomersRoute = guardedRoute("import:run", {
  method: "post",
  path: "/api/import/customers",
  tags: ["Import"],
  summary: "Import customers from CSV",
  description: describe(
    "Each row is matched by every identifier it carries (normalized: Persian digits, every mobile form): no match creates a customer (accepted), " +
      "a match updates only what differs (merged, or unchanged), identifiers of two different customers reject the row. Tags join the customer's tags. " +
      "Importing the same file again changes nothing.",
  ),
  request: { body: { content: { "application/json": { schema: CustomerImportInput } }, required: true } },
  responses: jobResponses,
});

export const importOrdersRoute = guardedRoute("import:run", {
  method: "post",
  path: "/api/import/orders",
  tags: ["Import"],
  summary: "Import orders from CSV",
  description: describe(
    "Each row names its customer by any identifier (mobile, e-mail, national code, username or customer code). Orders are keyed by the source and the external order id, " +
      "so importing the same file again leaves them unchanged. Amounts are in the workspace currency's major units (toman, rial, dollars); dates may be Gregorian or Jalali, in the workspace's time zone.",
  ),
  request: { body: { content: { "application/json": { schema: OrderImportInput } }, required: true } },
  responses: jobResponses,
});

export const ImportJobQuery = z.object({
  outcome: z.enum(ROW_OUTCOMES).optional().openapi({ description: "Only rows with this outcome (e.g. rejected)." }),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const getImportJobRoute = guardedRoute("import:run", {
  method: "get",
  path: "/api/import/jobs/{id}",
  tags: ["Import"],
  summary: "An import job's status, progress and per-row report",
  request: { params: z.object({ id: z.string().max(64) }), query: ImportJobQuery },
  responses: { 200: { description: "The job.", content: { "application/json": { schema: ImportJobSchema } } }, ...problemResponses },
});
