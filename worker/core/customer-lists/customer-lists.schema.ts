// Static lists: a named set of customers chosen by hand or in bulk (unlike a segment, which is a
// filter evaluated when read). A list is usable wherever a segment filter is, as `lists`.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt, workspaceId } from "../data/columns";

export const customerLists = sqliteTable(
  "customer_lists",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("customer_lists_workspace_name_unique").on(t.workspaceId, t.name), index("customer_lists_workspace_idx").on(t.workspaceId, t.id)],
);

export const customerListMembers = sqliteTable(
  "customer_list_members",
  {
    workspaceId: workspaceId(),
    listId: text("list_id").notNull(),
    customerId: text("customer_id").notNull(),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [
    // In customer id order within a list, so a list's page is an index range, newest first.
    primaryKey({ columns: [t.workspaceId, t.listId, t.customerId] }),
    index("customer_list_members_customer_idx").on(t.workspaceId, t.customerId),
  ],
);
