// Closing the loop: a detractor's answer opens one follow-up task for the customer's owner (or
// the configured user), due within the SLA. Run on `nps.detractor`; its writes commit with the
// delivery receipt, and the follow-up row (one per response) keeps a second event from opening a
// second task.
import { and, eq } from "drizzle-orm";
import { customersTable, followUpTask, workspaceProfile, type DeliveredEvent, type HookContext } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { npsFollowUps } from "./schema";
import type { NpsSettings } from "./settings";
import { detractorTaskTitle } from "./texts";

type Detractor = { customerId: string; responseId: string; surveyId: string; score: number };

export async function openDetractorTask(event: DeliveredEvent<string, Detractor>, ctx: HookContext<NpsSettings, NpsEvents>): Promise<void> {
  const { customerId, responseId, score } = event.payload;
  const done = await ctx.db
    .select({ taskId: npsFollowUps.taskId })
    .from(npsFollowUps)
    .where(and(eq(npsFollowUps.workspaceId, ctx.workspaceId), eq(npsFollowUps.responseId, responseId)))
    .get();
  if (done) return;
  const customer = await ctx.db
    .select({ owner: customersTable.ownerUserId })
    .from(customersTable)
    .where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, customerId)))
    .get();
  if (!customer) return;
  const locale = (await workspaceProfile(ctx)).locale;
  const task = followUpTask(ctx, {
    title: detractorTaskTitle(score, locale),
    customerId,
    assigneeUserId: ctx.settings.followUpUserId ?? customer.owner,
    dueAt: ctx.now() + ctx.settings.detractorSlaHours * 3_600_000,
  });
  // The primary key (workspace, response) fails the batch if another delivery got here first.
  ctx.write(ctx.db.insert(npsFollowUps).values({ workspaceId: ctx.workspaceId, responseId, taskId: task.taskId, createdAt: ctx.now() }), ...task.statements);
}
