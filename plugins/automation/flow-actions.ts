// What a flow does to a customer besides sending: add or remove a tag, set an attribute (both
// through core's customer update, so `customer.updated` follows), open a follow-up task (written
// in the batch that takes the step), and call an outgoing webhook (signed, retried with back-off,
// then recorded as failed). Each answers the step's outcome for its receipt.
import { and, eq } from "drizzle-orm";
import { callWebhook, changeCustomerProfile, customersTable, followUpTask, newSigningSecret, openSecret, sealSecret, type PluginContext, type Statement } from "../../worker/plugin-api";
import type { FlowStep } from "./flow-definition";
import { automationSigningKeys as signingKeys } from "./schema";

type Ctx = PluginContext<unknown>;
type Step<T extends FlowStep["type"]> = Extract<FlowStep, { type: T }>;

const DAY_MS = 86_400_000;
/** Tries of a webhook before it is recorded as failed, and the wait before each retry. */
export const WEBHOOK_RETRY_DELAYS_MS = [60_000, 10 * 60_000];

export async function runProfileStep(ctx: Ctx, customerId: string, step: Step<"add_tag" | "remove_tag" | "set_attribute">): Promise<string> {
  const change =
    step.type === "add_tag" ? { addTags: [step.tag] } : step.type === "remove_tag" ? { removeTags: [step.tag] } : { attributes: { [step.key]: step.value } };
  const changed = await changeCustomerProfile(ctx, customerId, change);
  const done = step.type === "add_tag" ? "tag_added" : step.type === "remove_tag" ? "tag_removed" : "attribute_set";
  return changed.length ? done : "unchanged";
}

/** The task's insert and its event, for the batch that takes the step (so it is opened once). */
export async function taskStatements(ctx: Ctx, customerId: string, step: Step<"task">, at: number): Promise<Statement[]> {
  let assignee: string | null = step.assignee;
  if (step.assignee === "customer_owner") {
    const row = await ctx.db.select({ owner: customersTable.ownerUserId }).from(customersTable).where(and(eq(customersTable.workspaceId, ctx.workspaceId), eq(customersTable.id, customerId))).get();
    assignee = row?.owner ?? null;
  }
  return followUpTask(ctx, { title: step.title, customerId, assigneeUserId: assignee, dueAt: at + step.dueInDays * DAY_MS }).statements;
}

/** The workspace's webhook signing secret, made (and sealed) on first use. */
export async function signingSecret(ctx: Ctx): Promise<string> {
  const mine = eq(signingKeys.workspaceId, ctx.workspaceId);
  let row = await ctx.db.select({ secret: signingKeys.secret }).from(signingKeys).where(mine).get();
  if (!row) {
    await ctx.db.insert(signingKeys).values({ workspaceId: ctx.workspaceId, secret: await sealSecret(ctx, newSigningSecret()), createdAt: ctx.now() }).onConflictDoNothing();
    row = await ctx.db.select({ secret: signingKeys.secret }).from(signingKeys).where(mine).get();
  }
  return openSecret(ctx, row!.secret);
}

export type WebhookStepResult = { outcome: string } | { retryAt: number };

/** One try of a webhook step: delivered, a retry later, or (after the last try, or a refused URL) failed with the reason. */
export async function runWebhookStep(
  ctx: Ctx,
  enrollment: { id: string; round: number; flowId: string; customerId: string; attempts: number },
  index: number,
  step: Step<"webhook">,
  at: number,
): Promise<WebhookStepResult> {
  const answer = await callWebhook(ctx, {
    url: step.url,
    secret: await signingSecret(ctx),
    // The same id on every try, so the receiver can drop a repeat.
    id: `flow_${enrollment.id}_${enrollment.round}_${index}`,
    type: "automation.flow_step",
    data: { flowId: enrollment.flowId, customerId: enrollment.customerId, step: index, attempt: enrollment.attempts + 1 },
  });
  if (answer.delivered) return { outcome: "webhook_delivered" };
  const delay = WEBHOOK_RETRY_DELAYS_MS[enrollment.attempts];
  if (answer.refused || delay === undefined) return { outcome: `webhook_failed:${answer.error ?? "unknown"}`.slice(0, 200) };
  return { retryAt: at + delay };
}
