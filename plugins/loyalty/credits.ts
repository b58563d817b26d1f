// Planning credits for one member: the entries not already made (by their dedupe key), their
// expiry, and the tier upgrade they earn, as statements for one batch. Used by purchases, bonuses,
// referral rewards and staff adjustments alike, so every credit moves tiers the same way.
import type { PluginContext, Statement } from "../../worker/plugin-api";
import { appendStatements, entryRow, hasDedupeKey, type EntryRow, type NewEntry } from "./ledger";
import type { MemberRow } from "./members";
import { DAY_MS, type LoyaltySettings } from "./settings";
import { qualifyingDelta, qualifyingValue, tierChangeStatements, upgradeFor, type TierMove } from "./tiers";

export interface CreditPlan {
  statements: Statement[];
  rows: EntryRow[];
  move: TierMove | null;
}

/** When a credit made at `at` expires under the workspace's rule (null: never). */
const expiryOf = (settings: LoyaltySettings, at: number) => (settings.expiryDays > 0 ? at + settings.expiryDays * DAY_MS : null);

export async function planCredits(ctx: PluginContext<LoyaltySettings>, member: MemberRow, credits: NewEntry[], locale: "fa" | "en"): Promise<CreditPlan> {
  const fresh: NewEntry[] = [];
  for (const credit of credits) if (!credit.dedupeKey || !(await hasDedupeKey(ctx, credit.dedupeKey))) fresh.push(credit);
  if (fresh.length === 0) return { statements: [], rows: [], move: null };
  const at = ctx.now();
  const rows = fresh.map((credit) => entryRow(ctx, { at, expiresAt: credit.points > 0 ? expiryOf(ctx.settings, at) : null, ...credit }));
  const statements = rows.flatMap((row) => appendStatements(ctx, row));
  const value = (await qualifyingValue(ctx, member.customerId, at)) + rows.reduce((sum, row) => sum + qualifyingDelta(ctx.settings, row), 0);
  const move = upgradeFor(ctx, member, value, at);
  if (move) statements.push(...tierChangeStatements(ctx, move, locale));
  return { statements, rows, move };
}
