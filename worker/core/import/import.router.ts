// Handlers for the import contract. The upload is checked (CSV readable, mapping sound) before
// anything is stored; then it becomes a job whose chunks run here (one chunk) or on the jobs queue.
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { audit } from "../audit/audit";
import { decodeCursor, encodeCursor } from "../data/cursor";
import { invalidField, notFound } from "../http/problem";
import { createRouter } from "../http/router";
import type { Locale } from "../i18n/locale";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { chunkRows } from "./chunk-rows";
import { createJob, findJob, reportPage, type ImportJobRow } from "./import-jobs.repository";
import { resolveMapping } from "./import-mapping";
import { chunkMessage } from "./import-message";
import { getImportJobRoute, importCustomersRoute, importOrdersRoute } from "./import.routes";
import type { ImportKind, ImportOptions, RowOutcome, RowReport } from "./import.schema";
import { parseCsv } from "./parse-csv";
import { presentRowError } from "./row-errors";
import { runImportChunk } from "./run-chunk";

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

function presentReport(report: RowReport, locale: Locale) {
  return {
    row: report.row,
    outcome: report.outcome,
    recordId: report.recordId ?? null,
    ...(report.changed ? { changed: report.changed } : {}),
    ...(report.errors ? { errors: report.errors.map((error) => presentRowError(error, locale)) } : {}),
  };
}

async function presentJob(c: Context, job: ImportJobRow, page: { outcome?: RowOutcome; cursor?: string; limit: number }) {
  let afterRow = 0;
  if (page.cursor !== undefined) {
    const key = decodeCursor(page.cursor);
    if (!key || typeof key[0] !== "number") throw invalidField("query.cursor", "invalid_cursor");
    afterRow = key[0];
  }
  const rows = await reportPage(c.get("scope"), job, { ...(page.outcome ? { outcome: page.outcome } : {}), afterRow, limit: page.limit });
  const items = rows.slice(0, page.limit);
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    dryRun: job.dryRun,
    totalRows: job.totalRows,
    rowsDone: job.rowsDone,
    totals: { accepted: job.accepted, merged: job.merged, unchanged: job.unchanged, rejected: job.rejected },
    mapping: job.mapping,
    source: job.kind === "orders" ? (job.options.source ?? "csv") : null,
    error: job.error,
    createdBy: job.createdBy,
    createdAt: iso(job.createdAt)!,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    rows: {
      items: items.map((report) => presentReport(report, c.get("locale"))),
      nextCursor: rows.length > page.limit && items.length ? encodeCursor([items.at(-1)!.row]) : null,
    },
  };
}

interface Upload {
  csv: string;
  delimiter?: string | undefined;
  dryRun: boolean;
  mapping: Record<string, string>;
}

/** Checks and stores the upload; runs it at once when it is one chunk, queues it otherwise. */
async function startImport(c: Context, kind: ImportKind, upload: Upload, options: ImportOptions) {
  const actor = actorOf(c);
  const scope = c.get("scope");
  const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
  const { header, rows } = parseCsv(upload.csv, upload.delimiter);
  resolveMapping(kind, header, upload.mapping, settings.cidKind);
  // Chunks as large as the plan's D1 queries per invocation allow (D1_QUERIES_PER_INVOCATION).
  const sized = { ...options, chunkRows: chunkRows(c.env) };
  const jobId = await createJob(scope, { kind, dryRun: upload.dryRun, mapping: upload.mapping, header, options: sized, rows, createdBy: actor.userId });
  if (!upload.dryRun) await audit(c, { action: `import.${kind}`, entityType: "import_job", entityId: jobId, details: { rows: rows.length } });

  let job = (await findJob(scope, jobId))!;
  if (job.chunkCount <= 1) {
    if (job.chunkCount === 1) await runImportChunk(c.env, chunkMessage(scope.workspaceId, jobId, 0), { scope });
    job = (await findJob(scope, jobId))!;
    return c.json(await presentJob(c, job, { limit: 200 }), 200);
  }
  await c.env.JOBS_QUEUE.send(chunkMessage(scope.workspaceId, jobId, 0));
  return c.json(await presentJob(c, job, { limit: 50 }), 202);
}

export const importRouter = createRouter()
  .openapi(importCustomersRoute, async (c) => {
    const { mapping, ...upload } = c.req.valid("json");
    return (await startImport(c, "customers", { ...upload, mapping }, {})) as never;
  })
  .openapi(importOrdersRoute, async (c) => {
    const { source, ...upload } = c.req.valid("json");
    return (await startImport(c, "orders", upload, { source })) as never;
  })
  .openapi(getImportJobRoute, async (c) => {
    const { id } = c.req.valid("param");
    const job = await findJob(c.get("scope"), id);
    if (!job) throw notFound();
    return c.json(await presentJob(c, job, c.req.valid("query")), 200);
  });
