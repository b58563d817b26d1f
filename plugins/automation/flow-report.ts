// A flow's report: enrollments by status and exit reason, each step's outcomes with its messages
// delivered and clicked, the flow's messages, each split arm's customers and conversions, and the
// conversions with their revenue. Four aggregate queries.
import { and, eq, sql } from "drizzle-orm";
import type { PluginContext } from "../../worker/plugin-api";
import type { FlowView } from "./flow-schemas";
import { automationConversions as conversions, automationEnrollments as enrollments, automationFlows as flows, automationStepReceipts as receipts } from "./schema";

type Flow = typeof flows.$inferSelect;

export async function flowReport(ctx: PluginContext<unknown>, flowId: string): Promise<FlowView["report"]> {
  const [byStatus, bySteps, byArms, [won]] = await Promise.all([
    ctx.db
      .select({ status: enrollments.status, reason: enrollments.exitReason, n: sql<number>`count(*)` })
      .from(enrollments)
      .where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.flowId, flowId)))
      .groupBy(enrollments.status, enrollments.exitReason),
    ctx.db
      .select({
        step: receipts.step,
        outcome: receipts.outcome,
        n: sql<number>`count(*)`,
        delivered: sql<number>`count(case when ${receipts.delivery} = 'delivered' then 1 end)`,
        clicked: sql<number>`count(${receipts.clickedAt})`,
      })
      .from(receipts)
      .where(and(eq(receipts.workspaceId, ctx.workspaceId), eq(receipts.flowId, flowId)))
      .groupBy(receipts.step, receipts.outcome)
      .orderBy(receipts.step),
    ctx.db
      .select({ arm: enrollments.arm, n: sql<number>`count(*)`, converted: sql<number>`count(${enrollments.convertedAt})` })
      .from(enrollments)
      .where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.flowId, flowId), sql`${enrollments.arm} is not null`))
      .groupBy(enrollments.arm),
    ctx.db
      .select({ n: sql<number>`count(*)`, revenue: sql<number>`coalesce(sum(${conversions.amount}), 0)` })
      .from(conversions)
      .where(and(eq(conversions.workspaceId, ctx.workspaceId), eq(conversions.flowId, flowId))),
  ]);
  const report: FlowView["report"] = {
    entered: 0,
    active: 0,
    waiting: 0,
    completed: 0,
    exited: {},
    conversions: Number(won?.n ?? 0),
    revenue: Number(won?.revenue ?? 0),
    messages: { sent: 0, deferred: 0, delivered: 0, clicked: 0 },
    steps: [],
    arms: [],
  };
  for (const row of byStatus) {
    const n = Number(row.n);
    report.entered += n;
    if (row.status === "exited") report.exited[row.reason ?? "exit_step"] = (report.exited[row.reason ?? "exit_step"] ?? 0) + n;
    else report[row.status] += n;
  }
  for (const row of bySteps) {
    let step = report.steps.find((entry) => entry.step === row.step);
    if (!step) report.steps.push((step = { step: row.step, outcomes: {}, delivered: 0, clicked: 0 }));
    step.outcomes[row.outcome] = Number(row.n);
    step.delivered += Number(row.delivered);
    step.clicked += Number(row.clicked);
    if (row.outcome === "sent" || row.outcome === "deferred") report.messages[row.outcome] += Number(row.n);
    report.messages.delivered += Number(row.delivered);
    report.messages.clicked += Number(row.clicked);
  }
  report.arms = byArms.map((row) => ({ arm: row.arm!, entered: Number(row.n), conversions: Number(row.converted) }));
  return report;
}

export async function presentFlow(ctx: PluginContext<unknown>, flow: Flow): Promise<FlowView> {
  return { id: flow.id, name: flow.name, status: flow.status, version: flow.version, draft: flow.draft, createdAt: flow.createdAt, updatedAt: flow.updatedAt, report: await flowReport(ctx, flow.id) };
}
