// A shop history import as the API shows it.
import { toIso } from "../data/clock";
import type { ShopImportRow } from "./shop-imports.repository";

export function presentShopImport(row: ShopImportRow) {
  return {
    id: row.id,
    status: row.status,
    phase: row.phase,
    pagesDone: row.pagesDone,
    totalPages: row.totalPages,
    customersSeen: row.customersSeen,
    ordersSeen: row.ordersSeen,
    rejected: row.rejected,
    lastRejection: row.lastRejection,
    error: row.error,
    startedAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
    finishedAt: toIso(row.finishedAt),
  };
}
