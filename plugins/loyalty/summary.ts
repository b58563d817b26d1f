// The club's figures, read from the per-workspace totals kept with every ledger entry: one row,
// whatever the size of the ledger.
import { eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import { workspaceProfile, type PluginContext } from "../../worker/plugin-api";
import type { SummarySchema } from "./api-schemas";
import { loyaltyTotals } from "./schema";
import type { LoyaltySettings } from "./settings";

export async function clubSummary(ctx: PluginContext<LoyaltySettings>): Promise<z.infer<typeof SummarySchema>> {
  const [row, profile] = await Promise.all([ctx.db.select().from(loyaltyTotals).where(eq(loyaltyTotals.workspaceId, ctx.workspaceId)).get(), workspaceProfile(ctx)]);
  const totals = { members: 0, earned: 0, redeemed: 0, expired: 0, reversed: 0, adjusted: 0, ...(row ?? {}) };
  const outstanding = totals.earned - totals.redeemed - totals.expired - totals.reversed + totals.adjusted;
  return {
    members: totals.members,
    earned: totals.earned,
    redeemed: totals.redeemed,
    expired: totals.expired,
    reversed: totals.reversed,
    adjusted: totals.adjusted,
    outstanding,
    liability: outstanding * ctx.settings.pointValue,
    currency: profile.currency,
  };
}
