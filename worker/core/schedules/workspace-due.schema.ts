// When each workspace next has scheduled work (its daily customer job, its plugins' jobs), so
// the minute cron picks the due ones with one indexed query instead of looking at every
// workspace. A directory table, kept by the jobs that run the work; database triggers (in the
// migration) add a row for a new workspace and make a workspace due at once when its plugins or
// its time zone change.
import { index, integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { workspaceId } from "../data/columns";

export const workspaceDue = sqliteTable(
  "workspace_due",
  {
    workspaceId: workspaceId().primaryKey(),
    // Epoch ms; 0 = due now. Pushed a lease ahead when the cron hands the workspace to the jobs queue.
    nextDueAt: integer("next_due_at").notNull(),
  },
  (t) => [index("workspace_due_next_idx").on(t.nextDueAt)],
);
