// Saved segments: a named filter over the workspace's customers (segment-filter.ts), evaluated
// when read, so a segment is always current.
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

export const segments = sqliteTable(
  "segments",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    description: text("description"),
    filter: json<Record<string, unknown>>("filter").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("segments_workspace_id_idx").on(t.workspaceId, t.id)],
);
