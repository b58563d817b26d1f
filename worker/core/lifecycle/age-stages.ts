// The daily pass that moves buying customers to at_risk and lapsed as their last order ages
// (stage-windows.ts). Each change goes through `stageChangeStatements`, so it is a stage-change
// row on the timeline, a `customer.stage_changed` event and a rollup, like a change an order
// causes. Customers are taken AGING_BATCH at a time through the (workspace, stage, last order)
// index; each batch is one D1 batch, so a large workspace takes several bounded batches.
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { customers } from "../data/schema";
import type { LifecycleStage } from "../customers/customers.schema";
import { stageChangeStatements } from "../orders/record-order";
import { AGING_STAGES, stageCutoffs } from "./stage-windows";

/** Customers moved per D1 batch (each move is a handful of statements). */
export const AGING_BATCH = 100;

export interface AgingReport {
  atRisk: number;
  lapsed: number;
}

interface Move {
  from: readonly LifecycleStage[];
  to: LifecycleStage;
  /** Last order at or before this time... */
  olderThan: number;
  /** ...and after this one (when set). */
  newerThan: number | null;
}

async function moveAll(scope: WorkspaceScope, move: Move, at: number, timeZone: string): Promise<number> {
  let moved = 0;
  for (;;) {
    const rows = await scope.db
      .select({ id: customers.id, stage: customers.lifecycleStage })
      .from(customers)
      .where(
        and(
          eq(customers.workspaceId, scope.workspaceId),
          inArray(customers.lifecycleStage, [...move.from]),
          lte(customers.lastOrderAt, move.olderThan),
          move.newerThan === null ? undefined : gt(customers.lastOrderAt, move.newerThan),
          isNull(customers.erasedAt),
          isNull(customers.mergedInto),
        ),
      )
      .limit(AGING_BATCH);
    if (rows.length === 0) return moved;
    const statements = rows.flatMap((row) => [
      // Guarded by the stage read, so an order recorded meanwhile is not overwritten; the
      // stage-change statements that follow write only when this update did.
      scope.db
        .update(customers)
        .set({ lifecycleStage: move.to, updatedAt: at })
        .where(and(eq(customers.workspaceId, scope.workspaceId), eq(customers.id, row.id), eq(customers.lifecycleStage, row.stage))),
      ...stageChangeStatements(scope, { customerId: row.id, from: row.stage, to: move.to, cause: "schedule", at, timeZone }),
    ]);
    await scope.db.batch(statements as [(typeof statements)[number], ...typeof statements]);
    moved += rows.length;
    // Moved rows leave the selection, so the next query finds the next batch.
    if (rows.length < AGING_BATCH) return moved;
  }
}

export async function ageCustomerStages(scope: WorkspaceScope, options: { at: number; lapsedDays: number; timeZone: string }): Promise<AgingReport> {
  const cutoffs = stageCutoffs(options.at, options.lapsedDays);
  // Lapsed first, so a customer past both windows goes straight to lapsed (one change, not two).
  const lapsed = await moveAll(scope, { from: AGING_STAGES, to: "lapsed", olderThan: cutoffs.lapsed, newerThan: null }, options.at, options.timeZone);
  const atRisk = await moveAll(
    scope,
    { from: AGING_STAGES.filter((stage) => stage !== "at_risk"), to: "at_risk", olderThan: cutoffs.atRisk, newerThan: cutoffs.lapsed },
    options.at,
    options.timeZone,
  );
  return { atRisk, lapsed };
}
