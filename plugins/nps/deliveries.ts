// Delivery reports: a survey message reported delivered counts towards the response rate
// (responses ÷ delivered) on the day it was sent; once, with the delivery receipt.
import { and, eq, isNull, sql } from "drizzle-orm";
import { localDay, type DeliveredEvent, type HookContext } from "../../worker/plugin-api";
import type { NpsEvents } from "./events";
import { npsRollups, npsSends } from "./schema";
import type { NpsSettings } from "./settings";

export async function countDelivery(event: DeliveredEvent<string, { messageId: string; sentByPlugin: string | null }>, ctx: HookContext<NpsSettings, NpsEvents>): Promise<void> {
  if (event.payload.sentByPlugin !== ctx.pluginId) return;
  const send = await ctx.db
    .select()
    .from(npsSends)
    .where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.messageId, event.payload.messageId), isNull(npsSends.deliveredAt)))
    .get();
  if (!send || send.sentAt === null) return;
  const day = localDay(send.sentAt, ctx.timeZone);
  ctx.write(
    ctx.db.update(npsSends).set({ deliveredAt: event.createdAt, updatedAt: ctx.now() }).where(and(eq(npsSends.workspaceId, ctx.workspaceId), eq(npsSends.id, send.id))),
    ctx.db
      .insert(npsRollups)
      .values({ workspaceId: ctx.workspaceId, surveyId: send.surveyId, day, delivered: 1 })
      .onConflictDoUpdate({ target: [npsRollups.workspaceId, npsRollups.surveyId, npsRollups.day], set: { delivered: sql`${npsRollups.delivered} + 1` } }),
  );
}
