// A flow's goal: an order within its days of entering exits the customer from the flow with one
// conversion (the order's revenue). Statements for the order hook's batch, committed once.
import { and, eq, inArray } from "drizzle-orm";
import { newId, type PluginContext, type Statement } from "../../worker/plugin-api";
import { loadVersion } from "./flow-engine";
import { automationConversions as conversions, automationEnrollments as enrollments } from "./schema";

const DAY_MS = 86_400_000;

export interface PaidOrder {
  customerId: string;
  orderId: string;
  total: number;
  currency: string;
  paidAt: number;
}

/** The statements that credit the order to the flows whose goal it reaches (empty when none). */
export async function reachGoals(ctx: PluginContext<unknown>, order: PaidOrder): Promise<Statement[]> {
  const open = await ctx.db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.customerId, order.customerId), inArray(enrollments.status, ["active", "waiting"])));
  const statements: Statement[] = [];
  for (const enrollment of open) {
    const definition = await loadVersion(ctx, enrollment.flowId, enrollment.version);
    const goal = definition?.goal;
    if (!goal || order.paidAt < enrollment.enteredAt || order.paidAt > enrollment.enteredAt + goal.withinDays * DAY_MS) continue;
    statements.push(
      ctx.db
        .update(enrollments)
        .set({ status: "exited", exitReason: "goal", wakeAt: null, convertedAt: order.paidAt, updatedAt: order.paidAt })
        .where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.id, enrollment.id), inArray(enrollments.status, ["active", "waiting"]))),
    );
    if (statements.length === 1)
      statements.push(
        ctx.db
          .insert(conversions)
          .values({ id: newId("cnv", order.paidAt), workspaceId: ctx.workspaceId, orderId: order.orderId, customerId: order.customerId, campaignId: null, flowId: enrollment.flowId, amount: order.total, currency: order.currency, createdAt: order.paidAt })
          .onConflictDoNothing(),
      );
  }
  return statements;
}
