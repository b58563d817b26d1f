// History imports from a connected shop's REST API: one row per run, walked page by page through
// the jobs queue (customers first, then orders). `step` counts the pages done; a queue message
// names the step it runs, so a redelivered message finds the step moved on and does nothing, and
// a lost one is sent again by the cron (resume-shop-imports.ts).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt, workspaceId } from "../data/columns";

export const SHOP_IMPORT_STATUSES = ["running", "done", "failed", "cancelled"] as const;
export type ShopImportStatus = (typeof SHOP_IMPORT_STATUSES)[number];
export const SHOP_IMPORT_PHASES = ["customers", "orders"] as const;
export type ShopImportPhase = (typeof SHOP_IMPORT_PHASES)[number];

export const shopImports = sqliteTable(
  "shop_imports",
  {
    id: id(),
    workspaceId: workspaceId(),
    connectionId: text("connection_id").notNull(),
    status: text("status", { enum: SHOP_IMPORT_STATUSES }).notNull(),
    phase: text("phase", { enum: SHOP_IMPORT_PHASES }).notNull(),
    step: integer("step").notNull().default(0),
    /** Where the phase goes on: the next page number (WooCommerce) or the next page's URL (Shopify). */
    cursor: text("cursor"),
    /** Pages of the phase done, and how many the shop said there are (null until it said). */
    pagesDone: integer("pages_done").notNull().default(0),
    totalPages: integer("total_pages"),
    /** Records the shop said the phase has (X-WP-Total), when it says. */
    totalRecords: integer("total_records"),
    customersSeen: integer("customers_seen").notNull().default(0),
    ordersSeen: integer("orders_seen").notNull().default(0),
    /** Records the CRM did not take, with the reason of the last one. */
    rejected: integer("rejected").notNull().default(0),
    lastRejection: text("last_rejection"),
    error: text("error"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("shop_imports_connection_idx").on(t.workspaceId, t.connectionId, t.id), index("shop_imports_status_idx").on(t.status, t.updatedAt)],
);
