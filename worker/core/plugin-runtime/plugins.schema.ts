// Which plugins each workspace has enabled, with their settings; and the last run of each
// scheduled job. Directory tables: the scheduler lists them across workspaces.
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { json, workspaceId } from "../data/columns";

export const workspacePlugins = sqliteTable(
  "workspace_plugins",
  {
    workspaceId: workspaceId(),
    pluginId: text("plugin_id").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
    // As last saved; read through the plugin's schema so new settings get their defaults.
    settings: json<Record<string, unknown>>("settings").notNull(),
    updatedAt: integer("updated_at").notNull(),
    // When it was last switched on. Events committed before then are not its to receive, even when
    // they are delivered later (a busy queue): enabling a plugin changes nothing for the past.
    // Null for rows from before this was kept: those receive everything, as they always did.
    enabledAt: integer("enabled_at"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.pluginId] })],
);

export const scheduleRuns = sqliteTable(
  "schedule_runs",
  {
    workspaceId: workspaceId(),
    pluginId: text("plugin_id").notNull(),
    jobId: text("job_id").notNull(),
    lastRunAt: integer("last_run_at").notNull(),
    lastStatus: text("last_status", { enum: ["ok", "failed"] }).notNull(),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.pluginId, t.jobId] })],
);
