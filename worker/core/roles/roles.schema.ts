// Roles hold permission strings; built-in ones are created with the workspace.
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

export const roles = sqliteTable(
  "roles",
  {
    id: id(),
    workspaceId: workspaceId(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    permissions: json<string[]>("permissions").notNull(),
    builtin: integer("builtin", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("roles_workspace_key_unique").on(t.workspaceId, t.key)],
);
