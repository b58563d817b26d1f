// The ledger's one way in: an entry appended together with the member's balance and the
// workspace's totals, as statements for one batch. Nothing else writes a balance, so a balance
// always equals its ledger's sum; the balance's CHECK makes an overdraw fail the whole batch,
// and a dedupe key's unique index makes a repeated effect fail it too. A correction is a new
// entry, never an edit.
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { isConstraintError, newId, onlyIf, type PluginContext, type Statement } from "../../worker/plugin-api";
import { loyaltyLedger, loyaltyMembers, loyaltyTotals, type EntryKind, type SourceKind } from "./schema";

export type EntryRow = typeof loyaltyLedger.$inferSelect;

export interface NewEntry {
  customerId: string;
  kind: EntryKind;
  points: number;
  rule: string;
  sourceKind: SourceKind;
  sourceId?: string | null;
  dedupeKey?: string | null;
  reason?: string | null;
  amount?: number;
  shortfall?: number;
  expiresAt?: number | null;
  couponId?: string | null;
  actorUserId?: string | null;
  at?: number;
}

const TOTAL_OF_KIND = { earn: "earned", redeem: "redeemed", expire: "expired", reverse: "reversed", adjust: "adjusted" } as const;

/** The entry's row (its id is chosen here, so callers can point at it: a coupon's ledger entry). */
export function entryRow(ctx: PluginContext<unknown>, entry: NewEntry): EntryRow {
  const at = entry.at ?? ctx.now();
  return {
    id: newId("lpe", at),
    workspaceId: ctx.workspaceId,
    customerId: entry.customerId,
    kind: entry.kind,
    points: entry.points,
    rule: entry.rule,
    sourceKind: entry.sourceKind,
    sourceId: entry.sourceId ?? null,
    dedupeKey: entry.dedupeKey ?? null,
    reason: entry.reason ?? null,
    amount: entry.amount ?? 0,
    shortfall: entry.shortfall ?? 0,
    expiresAt: entry.expiresAt ?? null,
    couponId: entry.couponId ?? null,
    actorUserId: entry.actorUserId ?? null,
    createdAt: at,
  };
}

/** The statements that append `row`: the entry, the balance, the totals. The member row must exist (see ensureMember). */
export function appendStatements(ctx: PluginContext<unknown>, row: EntryRow): Statement[] {
  const column = TOTAL_OF_KIND[row.kind];
  // Debits are kept as positive amounts in the totals (redeemed, expired, reversed); adjustments keep their sign.
  const magnitude = row.kind === "earn" || row.kind === "adjust" ? row.points : -row.points;
  return [
    memberExists(ctx, row.customerId),
    ctx.db.insert(loyaltyLedger).values(row),
    ctx.db
      .update(loyaltyMembers)
      .set({ balance: sql`${loyaltyMembers.balance} + ${row.points}`, updatedAt: row.createdAt })
      .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), eq(loyaltyMembers.customerId, row.customerId))),
    ctx.db
      .insert(loyaltyTotals)
      .values({ workspaceId: ctx.workspaceId, [column]: magnitude, updatedAt: row.createdAt })
      .onConflictDoUpdate({ target: loyaltyTotals.workspaceId, set: { [column]: sql`${loyaltyTotals[column]} + excluded.${sql.raw(loyaltyTotals[column].name)}`, updatedAt: row.createdAt } }),
  ];
}

/** Runs statements as one batch (D1's transaction). */
export async function commit(ctx: PluginContext<unknown>, statements: Statement[]): Promise<void> {
  if (statements.length) await ctx.db.batch(statements as [Statement, ...Statement[]]);
}

/**
 * A statement that fails its batch unless `condition` still holds when the batch runs (json() of
 * a text that is not JSON raises): what was read before planning a write is re-checked inside it.
 */
/** The batch applies only if `condition` still holds (plugin API's onlyIf; the name says what changed). */
export const stillTrue = (ctx: PluginContext<unknown>, condition: SQL, what: string): Statement => onlyIf(ctx, `loyalty-${what.replaceAll(" ", "-")}`, condition);

function memberExists(ctx: PluginContext<unknown>, customerId: string): Statement {
  return stillTrue(
    ctx,
    sql`exists (select 1 from ${loyaltyMembers} where ${loyaltyMembers.workspaceId} = ${ctx.workspaceId} and ${loyaltyMembers.customerId} = ${customerId})`,
    "membership",
  );
}

/** The member's balance is what was read (for plans that depend on it: a capped reversal, an expiry). */
export const balanceIs = (ctx: PluginContext<unknown>, customerId: string, balance: number) =>
  stillTrue(
    ctx,
    sql`(select ${loyaltyMembers.balance} from ${loyaltyMembers} where ${loyaltyMembers.workspaceId} = ${ctx.workspaceId} and ${loyaltyMembers.customerId} = ${customerId}) = ${balance}`,
    "balance",
  );

/** The entry an effect made, by its dedupe key (through the key's unique index). */
export const dedupeQuery = (ctx: PluginContext<unknown>, key: string) =>
  ctx.db
    .select()
    .from(loyaltyLedger)
    .where(and(eq(loyaltyLedger.workspaceId, ctx.workspaceId), eq(loyaltyLedger.dedupeKey, key)));

export async function entryByDedupeKey(ctx: PluginContext<unknown>, key: string): Promise<EntryRow | null> {
  return (await dedupeQuery(ctx, key).get()) ?? null;
}

export const hasDedupeKey = async (ctx: PluginContext<unknown>, key: string): Promise<boolean> => (await entryByDedupeKey(ctx, key)) !== null;

/** A member's entries, newest first, paged by (time, id). */
export function historyPage(ctx: PluginContext<unknown>, customerId: string, before: { at: number; id: string } | null, limit: number) {
  return ctx.db
    .select()
    .from(loyaltyLedger)
    .where(
      and(
        eq(loyaltyLedger.workspaceId, ctx.workspaceId),
        eq(loyaltyLedger.customerId, customerId),
        before ? or(lt(loyaltyLedger.createdAt, before.at), and(eq(loyaltyLedger.createdAt, before.at), lt(loyaltyLedger.id, before.id))) : undefined,
      ),
    )
    .orderBy(desc(loyaltyLedger.createdAt), desc(loyaltyLedger.id))
    .limit(limit + 1);
}

/** The balance's CHECK refused the batch: it would have gone below zero. */
export const isOverdraw = (error: unknown) => isConstraintError(error, "loyalty_members_balance_non_negative");
