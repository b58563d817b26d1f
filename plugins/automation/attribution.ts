// Conversions: a paid order that reaches a flow's goal counts for that flow; otherwise, within the
// attribution window after a campaign message, for the customer's latest such message (last
// touch). The order's UNIQUE row keeps a redelivered `order.paid` from counting it twice, and the
// rows commit with the hook's receipt.
import { and, desc, eq, gte, inArray, lte } from "drizzle-orm";
import { newId, type DeliveredEvent, type HookContext } from "../../worker/plugin-api";
import { reachGoals } from "./flow-goals";
import { automationCampaignRecipients as recipients, automationConversions as conversions } from "./schema";
import type { AutomationSettings } from "./settings";

const DAY_MS = 86_400_000;

type OrderPaid = { customerId: string; orderId: string; total: number; currency: string };

export async function attributeOrder(event: DeliveredEvent<string, OrderPaid>, ctx: HookContext<AutomationSettings>): Promise<void> {
  const { customerId, orderId, total, currency } = event.payload;
  const paidAt = event.createdAt;
  const goals = await reachGoals(ctx, { customerId, orderId, total, currency, paidAt });
  if (goals.length) return ctx.write(...goals);
  const touch = await ctx.db
    .select({ campaignId: recipients.campaignId })
    .from(recipients)
    .where(
      and(
        eq(recipients.workspaceId, ctx.workspaceId),
        eq(recipients.customerId, customerId),
        gte(recipients.createdAt, paidAt - ctx.settings.attributionDays * DAY_MS),
        lte(recipients.createdAt, paidAt),
        inArray(recipients.status, ["sent", "deferred", "delivered"]),
      ),
    )
    .orderBy(desc(recipients.createdAt), desc(recipients.campaignId))
    .get();
  if (!touch) return;
  ctx.write(
    ctx.db
      .insert(conversions)
      .values({ id: newId("cnv", paidAt), workspaceId: ctx.workspaceId, orderId, customerId, campaignId: touch.campaignId, flowId: null, amount: total, currency, createdAt: paidAt })
      .onConflictDoNothing(),
  );
}
