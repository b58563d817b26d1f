// The daily tier review: every member's points (or spend) over the window against the ladder.
// Up at once where the value now reaches higher (a lowered threshold, a changed ladder); down to
// the tier the value reaches once the member has stayed below their own tier for the grace period
// (the grace starts the first day they are found below, and ends if they climb back).
import { and, eq } from "drizzle-orm";
import { workspaceProfile, type PluginContext, type Statement } from "../../worker/plugin-api";
import { commitPerMember } from "./batches";
import { loyaltyMembers } from "./schema";
import type { LoyaltySettings } from "./settings";
import { membersWithValues, reviewDecision, tierChangeStatements } from "./tiers";

type Ctx = PluginContext<LoyaltySettings>;

export async function reviewTiers(ctx: Ctx): Promise<{ changed: number }> {
  const at = ctx.now();
  const { locale } = await workspaceProfile(ctx);
  const all = await membersWithValues(ctx, at);
  // Only members whose tier or grace period would change are written.
  const pending = all.filter((member) => {
    const decision = reviewDecision(ctx.settings, member, Number(member.value), at);
    return decision.move !== null || decision.belowTierSince !== member.belowTierSince;
  });
  let changed = 0;
  await commitPerMember(ctx, pending, (member) => member.customerId, async (listed) => {
    // Read again when redone alone, so the plan rests on the member as they are now.
    const [member] = (await membersWithValues(ctx, at, [listed.customerId])) ?? [];
    if (!member) return [];
    const decision = reviewDecision(ctx.settings, member, Number(member.value), at);
    if (decision.move) {
      changed++;
      return tierChangeStatements(ctx, decision.move, locale);
    }
    if (decision.belowTierSince === member.belowTierSince) return [];
    return [
      ctx.db
        .update(loyaltyMembers)
        .set({ belowTierSince: decision.belowTierSince, updatedAt: at })
        .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), eq(loyaltyMembers.customerId, member.customerId), eq(loyaltyMembers.tier, member.tier))) as unknown as Statement,
    ];
  });
  return { changed };
}
