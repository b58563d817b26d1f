// Rows as the API shows them.
import type { z } from "@hono/zod-openapi";
import type { LedgerEntrySchema } from "./api-schemas";
import type { EntryRow } from "./ledger";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentEntry(row: EntryRow): z.infer<typeof LedgerEntrySchema> {
  return {
    id: row.id,
    customerId: row.customerId,
    kind: row.kind,
    points: row.points,
    rule: row.rule,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    reason: row.reason,
    amount: row.amount,
    shortfall: row.shortfall,
    expiresAt: iso(row.expiresAt),
    couponId: row.couponId,
    actorUserId: row.actorUserId,
    createdAt: iso(row.createdAt)!,
  };
}
