// Bulk actions on customers: one row per action asked for (tag 300 customers, erase a filter's
// matches), worked through chunk by chunk on the jobs queue. The row keeps where the work stands
// (the last customer id done, chunks done), so a redelivered or resumed chunk carries on from
// there and never applies a chunk twice.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

export const BULK_ACTIONS = ["tag", "untag", "assign_owner", "set_consent", "add_to_list", "erase", "send_sms", "send_email"] as const;
export type BulkActionKind = (typeof BULK_ACTIONS)[number];

export const BULK_STATUSES = ["running", "done", "failed"] as const;
export type BulkStatus = (typeof BULK_STATUSES)[number];

export const customerBulkActions = sqliteTable(
  "customer_bulk_actions",
  {
    id: id(),
    workspaceId: workspaceId(),
    action: text("action", { enum: BULK_ACTIONS }).notNull(),
    // What to do (the tag, the owner, the consent and its reason, the list).
    params: json<Record<string, unknown>>("params").notNull(),
    // Which customers: chosen ids, the list's filter, or a saved segment.
    selection: json<Record<string, unknown>>("selection").notNull(),
    status: text("status", { enum: BULK_STATUSES }).notNull(),
    // Customers matching when the action was asked for, and how many have been worked through.
    total: integer("total").notNull(),
    done: integer("done").notNull().default(0),
    // How many of those the action changed (a tag already there changes nothing).
    changed: integer("changed").notNull().default(0),
    // A send's results so far by outcome (sent, deferred, failed, skipped_no_consent, …); null for other actions.
    outcomes: json<Record<string, number>>("outcomes"),
    // Chunks done; a chunk message whose seq is not this one has already run (or is early).
    seq: integer("seq").notNull().default(0),
    // The last customer id done: customers are worked through newest first by id.
    lastCustomerId: text("last_customer_id"),
    error: text("error"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    index("customer_bulk_actions_workspace_idx").on(t.workspaceId, t.id),
    // The cron's look for actions whose chunk never came back.
    index("customer_bulk_actions_running_idx").on(t.status, t.updatedAt).where(sql`${t.status} = 'running'`),
  ],
);
