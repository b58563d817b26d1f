// What became of a campaign's or a flow's messages, from core's message events: delivered, failed
// (with the reason), clicked (once per message). Each updates the campaign recipient or the flow
// step receipt the message belongs to; the update is the same however often the event comes.
import { and, eq, isNull } from "drizzle-orm";
import type { DeliveredEvent, HookContext } from "../../worker/plugin-api";
import { automationCampaignRecipients as recipients, automationStepReceipts as receipts } from "./schema";

type Ctx = HookContext<unknown>;
type MessageRef = { messageId: string; sentByPlugin?: string | null };

const ofMessage = (ctx: Ctx, messageId: string) => and(eq(recipients.workspaceId, ctx.workspaceId), eq(recipients.messageId, messageId));
const ofStepMessage = (ctx: Ctx, messageId: string) => and(eq(receipts.workspaceId, ctx.workspaceId), eq(receipts.messageId, messageId));

export function markDelivered(event: DeliveredEvent<string, MessageRef>, ctx: Ctx): void {
  if (event.payload.sentByPlugin !== ctx.pluginId) return;
  ctx.write(ctx.db.update(recipients).set({ status: "delivered" }).where(ofMessage(ctx, event.payload.messageId)));
  ctx.write(ctx.db.update(receipts).set({ delivery: "delivered" }).where(ofStepMessage(ctx, event.payload.messageId)));
}

export function markFailed(event: DeliveredEvent<string, MessageRef & { reason: string }>, ctx: Ctx): void {
  if (event.payload.sentByPlugin !== ctx.pluginId) return;
  ctx.write(ctx.db.update(recipients).set({ status: "failed", reason: event.payload.reason.slice(0, 500) }).where(ofMessage(ctx, event.payload.messageId)));
  ctx.write(ctx.db.update(receipts).set({ delivery: "failed" }).where(ofStepMessage(ctx, event.payload.messageId)));
}

export function markClicked(event: DeliveredEvent<string, { messageId: string }>, ctx: Ctx): void {
  ctx.write(ctx.db.update(recipients).set({ clickedAt: event.createdAt }).where(and(ofMessage(ctx, event.payload.messageId), isNull(recipients.clickedAt))));
  ctx.write(ctx.db.update(receipts).set({ clickedAt: event.createdAt }).where(and(ofStepMessage(ctx, event.payload.messageId), isNull(receipts.clickedAt))));
}
