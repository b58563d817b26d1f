// Every query of import jobs and their chunks. Functions take the workspace scope first.
import { and, asc, eq, gt, gte, sql } from "drizzle-orm";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { importChunks, importJobs, importKeys } from "../data/schema";
import type { ImportKind, ImportOptions, RowOutcome, RowReport } from "./import.schema";
import { LEGACY_CHUNK_ROWS } from "./chunk-rows";

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportChunkRow = typeof importChunks.$inferSelect;

export interface NewJob {
  kind: ImportKind;
  dryRun: boolean;
  mapping: Record<string, string>;
  header: string[];
  options: ImportOptions;
  rows: string[][];
  createdBy: string | null;
}

/** Rows per chunk of a job: one invocation's work, sized when the file was uploaded. */
export const chunkRowsOf = (options: ImportOptions): number => options.chunkRows ?? LEGACY_CHUNK_ROWS;

/** The job and its chunks, in one batch (a batch is D1's transaction). */
export async function createJob(scope: WorkspaceScope, job: NewJob): Promise<string> {
  const id = newId("imp");
  const time = now();
  const size = chunkRowsOf(job.options);
  const chunkCount = Math.ceil(job.rows.length / size);
  const chunks = Array.from({ length: chunkCount }, (_, seq) => {
    const rows = job.rows.slice(seq * size, (seq + 1) * size);
    return scope.db.insert(importChunks).values({
      id: newId("ich"),
      workspaceId: scope.workspaceId,
      jobId: id,
      seq,
      status: "pending",
      firstRow: seq * size + 1,
      rowCount: rows.length,
      rows,
      report: [],
      updatedAt: time,
    });
  });
  await scope.db.batch([
    scope.db.insert(importJobs).values({
      id,
      workspaceId: scope.workspaceId,
      kind: job.kind,
      // A file of a header alone is done at once.
      status: chunkCount === 0 ? "done" : "queued",
      finishedAt: chunkCount === 0 ? time : null,
      dryRun: job.dryRun,
      mapping: job.mapping,
      header: job.header,
      options: job.options,
      totalRows: job.rows.length,
      chunkCount,
      createdBy: job.createdBy,
      createdAt: time,
      updatedAt: time,
    }),
    ...chunks,
  ]);
  return id;
}

export async function findJob(scope: WorkspaceScope, jobId: string): Promise<ImportJobRow | null> {
  const row = await scope.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.workspaceId, scope.workspaceId), eq(importJobs.id, jobId)))
    .get();
  return row ?? null;
}

export async function findChunk(scope: WorkspaceScope, jobId: string, seq: number): Promise<ImportChunkRow | null> {
  const row = await scope.db
    .select()
    .from(importChunks)
    .where(and(eq(importChunks.workspaceId, scope.workspaceId), eq(importChunks.jobId, jobId), eq(importChunks.seq, seq)))
    .get();
  return row ?? null;
}

export function markRunning(scope: WorkspaceScope, job: ImportJobRow) {
  const time = now();
  return scope.db
    .update(importJobs)
    .set({ status: "running", startedAt: job.startedAt ?? time, updatedAt: time })
    .where(and(eq(importJobs.workspaceId, scope.workspaceId), eq(importJobs.id, job.id), eq(importJobs.status, "queued")));
}

export async function markFailed(scope: WorkspaceScope, jobId: string, reason: string): Promise<void> {
  const time = now();
  await scope.db
    .update(importJobs)
    .set({ status: "failed", error: reason.slice(0, 500), finishedAt: time, updatedAt: time })
    .where(and(eq(importJobs.workspaceId, scope.workspaceId), eq(importJobs.id, jobId)));
}

const count = (reports: RowReport[], outcome: RowOutcome) => reports.filter((report) => report.outcome === outcome).length;

/**
 * A chunk's report stored (its raw rows dropped), then the job's progress and totals summed from
 * its chunks: running a chunk twice (a queue redelivery) cannot count it twice.
 */
export function finishChunkStatements(scope: WorkspaceScope, chunk: ImportChunkRow, reports: RowReport[]) {
  const time = now();
  const ofJob = sql`c.workspace_id = ${scope.workspaceId} and c.job_id = ${chunk.jobId}`;
  const sum = (column: string) => sql<number>`(select coalesce(sum(${sql.raw(`c.${column}`)}), 0) from import_chunks c where ${ofJob} and c.status = 'done')`;
  const pending = sql`(select count(*) from import_chunks c where ${ofJob} and c.status = 'pending')`;
  return [
    scope.db
      .update(importChunks)
      .set({
        status: "done",
        rows: [],
        report: reports,
        accepted: count(reports, "accepted"),
        merged: count(reports, "merged"),
        unchanged: count(reports, "unchanged"),
        rejected: count(reports, "rejected"),
        updatedAt: time,
      })
      .where(and(eq(importChunks.workspaceId, scope.workspaceId), eq(importChunks.id, chunk.id), eq(importChunks.status, "pending"))),
    scope.db
      .update(importJobs)
      .set({
        rowsDone: sum("row_count"),
        accepted: sum("accepted"),
        merged: sum("merged"),
        unchanged: sum("unchanged"),
        rejected: sum("rejected"),
        status: sql`case when ${pending} = 0 then 'done' else 'running' end`,
        finishedAt: sql`case when ${pending} = 0 then ${time} else null end`,
        updatedAt: time,
      })
      .where(and(eq(importJobs.workspaceId, scope.workspaceId), eq(importJobs.id, chunk.jobId))),
  ];
}

/** A finished dry run's memory of the file's identifiers is no longer needed. */
export async function forgetDryRunKeys(scope: WorkspaceScope, jobId: string): Promise<void> {
  await scope.db.delete(importKeys).where(and(eq(importKeys.workspaceId, scope.workspaceId), eq(importKeys.jobId, jobId)));
}

/**
 * One page of the per-row report, in row order after `afterRow`, optionally of one outcome. Chunks
 * without such rows are skipped by their counters; a few chunks are read at a time.
 */
export async function reportPage(
  scope: WorkspaceScope,
  job: Pick<ImportJobRow, "id" | "options">,
  options: { outcome?: RowOutcome; afterRow: number; limit: number },
): Promise<RowReport[]> {
  const jobId = job.id;
  const found: RowReport[] = [];
  let fromSeq = Math.max(0, Math.floor(options.afterRow / chunkRowsOf(job.options)));
  for (;;) {
    const chunks = await scope.db
      .select({ seq: importChunks.seq, report: importChunks.report })
      .from(importChunks)
      .where(
        and(
          eq(importChunks.workspaceId, scope.workspaceId),
          eq(importChunks.jobId, jobId),
          gte(importChunks.seq, fromSeq),
          eq(importChunks.status, "done"),
          options.outcome ? gt(importChunks[options.outcome], 0) : undefined,
        ),
      )
      .orderBy(asc(importChunks.seq))
      .limit(5);
    for (const chunk of chunks) {
      for (const report of chunk.report) {
        if (report.row <= options.afterRow || (options.outcome && report.outcome !== options.outcome)) continue;
        found.push(report);
        if (found.length > options.limit) return found;
      }
    }
    if (chunks.length < 5) return found;
    fromSeq = chunks.at(-1)!.seq + 1;
  }
}
