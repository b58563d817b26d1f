// Running one chunk of an import job: its rows imported (or judged, in a dry run), its report and
// the job's progress written together, the events it caused handed to delivery, and the next
// chunk queued. Chunks run one after another, so rows of one file never race each other.
import { openWorkspace, type WorkspaceScope } from "../data/database";
import { dispatchEvents } from "../delivery/dispatch";
import type { PluginRuntime } from "../plugin-runtime/plugin-runtime";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { importCustomerRows, type ImportContext, type SourceRow } from "./import-customers";
import { findChunk, findJob, finishChunkStatements, forgetDryRunKeys, markRunning, type ImportJobRow } from "./import-jobs.repository";
import { resolveMapping } from "./import-mapping";
import type { RowReport } from "./import.schema";
import type { ImportChunkMessage } from "./import-message";
import { importOrderRows } from "./import-orders";

export interface ChunkOutcome {
  /** The chunk after this one, when there is one still to run. */
  next: number | null;
}

type RowImporter = (ctx: ImportContext, rows: SourceRow[]) => Promise<{ reports: RowReport[]; statements: unknown[] }>;

const IMPORTERS: Record<ImportJobRow["kind"], RowImporter> = { customers: importCustomerRows, orders: importOrderRows };

export async function runImportChunk(env: Env, message: ImportChunkMessage, options: { runtime?: PluginRuntime; scope?: WorkspaceScope } = {}): Promise<ChunkOutcome> {
  const scope = options.scope ?? openWorkspace(env, message.workspaceId);
  const job = await findJob(scope, message.jobId);
  if (!job || job.status === "done" || job.status === "failed") return { next: null };
  const chunk = await findChunk(scope, job.id, message.seq);
  const next = message.seq + 1 < job.chunkCount ? message.seq + 1 : null;
  // Already done (a redelivered message): nothing to do but make sure the next one follows.
  if (!chunk || chunk.status === "done") return { next };

  const settings = await getWorkspaceSettings(env, scope.workspaceId);
  // Plugins' before hooks see an import row as they see the same write through the API.
  if (options.runtime && !scope.runBefore && job.createdBy) scope.runBefore = options.runtime.beforeRunner(env, scope, job.createdBy);
  await markRunning(scope, job).run();
  const ctx: ImportContext = {
    env,
    scope,
    jobId: job.id,
    dryRun: job.dryRun,
    mapping: resolveMapping(job.kind, job.header, job.mapping, settings.cidKind),
    actorUserId: job.createdBy,
    cidKind: settings.cidKind,
    timeZone: settings.timeZone,
    currency: settings.currency,
    source: job.options.source ?? "csv",
  };
  const rows = chunk.rows.map((cells, index) => ({ row: chunk.firstRow + index, cells }));
  const { reports, statements } = await IMPORTERS[job.kind](ctx, rows);
  await scope.db.batch([...(statements as []), ...finishChunkStatements(scope, chunk, reports)] as never);
  if (scope.pendingEvents.length) await dispatchEvents(env, scope.workspaceId, [...scope.pendingEvents]);
  if (next === null && job.dryRun) await forgetDryRunKeys(scope, job.id);
  return { next };
}
