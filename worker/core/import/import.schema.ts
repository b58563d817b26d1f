// CSV import jobs: the upload (mapping, header, options), its rows in chunks processed one at a
// time, each chunk's per-row report, and the job's progress summed from its chunks.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

export const IMPORT_KINDS = ["customers", "orders"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** accepted: a new record; merged: an existing one, changed; unchanged: an existing one, as it was; rejected: not imported. */
export const ROW_OUTCOMES = ["accepted", "merged", "unchanged", "rejected"] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

export interface RowError {
  /** The field the value was for ("mobile"), or "row". */
  path: string;
  /** The CSV column the value came from, when one did. */
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
  /** For issues without a message code of ours (zod's own), the message in both languages. */
  text?: { en: string; fa: string };
}

export interface RowReport {
  /** 1-based number of the data row (the header is not counted). */
  row: number;
  outcome: RowOutcome;
  /** The customer (or order) the row created or merged into. */
  recordId?: string | null;
  /** Fields a merge changes (or would change, in a dry run). */
  changed?: string[];
  errors?: RowError[];
}

export interface ImportOptions {
  /** Orders: the import source; with the external order id it keys an order, so a repeat is unchanged. */
  source?: string;
  /** Rows per chunk the file was split into, as the plan allowed when it was uploaded (chunk-rows.ts). */
  chunkRows?: number;
}

export const importJobs = sqliteTable(
  "import_jobs",
  {
    id: id(),
    workspaceId: workspaceId(),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    status: text("status", { enum: IMPORT_JOB_STATUSES }).notNull(),
    dryRun: integer("dry_run", { mode: "boolean" }).notNull(),
    /** CSV header → field. */
    mapping: json<Record<string, string>>("mapping").notNull(),
    header: json<string[]>("header").notNull(),
    options: json<ImportOptions>("options").notNull(),
    totalRows: integer("total_rows").notNull(),
    chunkCount: integer("chunk_count").notNull(),
    rowsDone: integer("rows_done").notNull().default(0),
    accepted: integer("accepted").notNull().default(0),
    merged: integer("merged").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    error: text("error"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("import_jobs_workspace_idx").on(t.workspaceId, t.id)],
);

export const importChunks = sqliteTable(
  "import_chunks",
  {
    id: id(),
    workspaceId: workspaceId(),
    jobId: text("job_id").notNull(),
    seq: integer("seq").notNull(),
    status: text("status", { enum: ["pending", "done"] }).notNull(),
    /** Row number of the chunk's first row (1-based). */
    firstRow: integer("first_row").notNull(),
    rowCount: integer("row_count").notNull(),
    /** The raw cells, in header order; emptied once the chunk is done (they hold personal data). */
    rows: json<string[][]>("rows").notNull(),
    report: json<RowReport[]>("report").notNull(),
    accepted: integer("accepted").notNull().default(0),
    merged: integer("merged").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("import_chunks_job_seq_unique").on(t.workspaceId, t.jobId, t.seq)],
);

/**
 * A dry run's memory of the identifiers (and order keys) earlier rows of the file would create,
 * so a later row with the same one is reported as merged, as the real run would merge it.
 */
export const importKeys = sqliteTable(
  "import_keys",
  {
    workspaceId: workspaceId(),
    jobId: text("job_id").notNull(),
    /** "mobile:+989121234567", "order:1001". */
    key: text("key").notNull(),
    row: integer("row").notNull(),
  },
  (t) => [uniqueIndex("import_keys_unique").on(t.workspaceId, t.jobId, t.key)],
);
