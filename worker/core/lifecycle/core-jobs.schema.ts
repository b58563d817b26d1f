// The last run of each core daily job per workspace (the lifecycle and RFM pass), so a
// minute cron does the work once per local day. A directory table: the cron lists it with the
// workspaces.
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaceId } from "../data/columns";

export const coreJobRuns = sqliteTable(
  "core_job_runs",
  {
    workspaceId: workspaceId(),
    jobId: text("job_id").notNull(),
    lastRunAt: integer("last_run_at").notNull(),
    lastStatus: text("last_status", { enum: ["ok", "failed"] }).notNull(),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.jobId] })],
);
