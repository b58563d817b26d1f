// Delivery receipts: the proof that (event, target) was delivered, and the guard that makes a
// repeated delivery do nothing.
import { and, eq } from "drizzle-orm";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { deliveryReceipts } from "../data/schema";

export function receiptEntry(scope: WorkspaceScope, eventId: string, target: string) {
  return scope.db.insert(deliveryReceipts).values({ eventId, target, workspaceId: scope.workspaceId, deliveredAt: now() });
}

export async function receiptsOf(scope: WorkspaceScope, eventId: string): Promise<Set<string>> {
  const rows = await scope.db
    .select({ target: deliveryReceipts.target })
    .from(deliveryReceipts)
    .where(and(eq(deliveryReceipts.eventId, eventId), eq(deliveryReceipts.workspaceId, scope.workspaceId)));
  return new Set(rows.map((row) => row.target));
}

export async function hasReceipt(scope: WorkspaceScope, eventId: string, target: string): Promise<boolean> {
  return (await receiptsOf(scope, eventId)).has(target);
}
