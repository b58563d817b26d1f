// Expiry: each credit lasts `expiryDays`, and points are spent oldest first. So by time t the
// points that must have expired are what credits due by t exceed all debits so far (redeemed,
// reversed, adjusted down, expired before): max(0, due(t) − debits). A daily run writes that as an
// `expire` entry (a repeat finds nothing more to expire), and warns members whose points expire
// `expiryWarningDays` from now, once per member and expiry day, through messaging (consent is
// respected there).
import { and, eq, gt, gte, isNotNull, lt, lte, sql } from "drizzle-orm";
import { addDays, localDay, localMidnight, workspaceProfile, type PluginContext } from "../../worker/plugin-api";
import { commitPerMember } from "./batches";
import { appendStatements, balanceIs, entryRow } from "./ledger";
import { findMember } from "./members";
import { loyaltyLedger, loyaltyMembers } from "./schema";
import type { LoyaltySettings } from "./settings";
import { expiryWarning } from "./texts";

type Ctx = PluginContext<LoyaltySettings>;

/** Credits due by `by`, and every debit so far, of one member. */
async function dueAndDebits(ctx: Ctx, customerId: string, by: number) {
  const row = await ctx.db
    .select({
      due: sql<number>`coalesce(sum(case when ${loyaltyLedger.points} > 0 and ${loyaltyLedger.expiresAt} <= ${by} then ${loyaltyLedger.points} else 0 end), 0)`,
      debits: sql<number>`coalesce(sum(case when ${loyaltyLedger.points} < 0 then -${loyaltyLedger.points} else 0 end), 0)`,
    })
    .from(loyaltyLedger)
    .where(and(eq(loyaltyLedger.workspaceId, ctx.workspaceId), eq(loyaltyLedger.customerId, customerId)))
    .get();
  return { due: Number(row?.due ?? 0), debits: Number(row?.debits ?? 0) };
}

/** How many of the member's points have to have expired by `by` and have not yet. */
async function expiringBy(ctx: Ctx, customerId: string, by: number): Promise<number> {
  const { due, debits } = await dueAndDebits(ctx, customerId, by);
  return Math.max(0, due - debits);
}

/** Members with points and some credit due by `at`: the only ones an expiry run can touch. */
async function expiryCandidates(ctx: Ctx, at: number): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ customerId: loyaltyLedger.customerId })
    .from(loyaltyLedger)
    .innerJoin(loyaltyMembers, and(eq(loyaltyMembers.workspaceId, loyaltyLedger.workspaceId), eq(loyaltyMembers.customerId, loyaltyLedger.customerId)))
    .where(and(eq(loyaltyLedger.workspaceId, ctx.workspaceId), isNotNull(loyaltyLedger.expiresAt), lte(loyaltyLedger.expiresAt, at), gt(loyaltyLedger.points, 0), gt(loyaltyMembers.balance, 0)));
  return rows.map((row) => row.customerId);
}

export async function expirePoints(ctx: Ctx): Promise<{ members: number }> {
  const at = ctx.now();
  const report = await commitPerMember(ctx, await expiryCandidates(ctx, at), (id) => id, async (customerId) => {
    const member = await findMember(ctx, customerId);
    if (!member || member.balance === 0) return [];
    const points = Math.min(await expiringBy(ctx, customerId, at), member.balance);
    if (points <= 0) return [];
    const row = entryRow(ctx, { customerId, kind: "expire", rule: "expiry", points: -points, sourceKind: "rule", sourceId: `expiry:${localDay(at, ctx.timeZone)}`, at });
    return [balanceIs(ctx, customerId, member.balance), ...appendStatements(ctx, row)];
  });
  return { members: report.written };
}

/** Sends the warnings for points expiring on the local day `expiryWarningDays` from now. */
export async function warnOfExpiry(ctx: Ctx): Promise<{ warned: number }> {
  const days = ctx.settings.expiryWarningDays;
  if (days === 0 || ctx.settings.expiryDays === 0) return { warned: 0 };
  const day = addDays(localDay(ctx.now(), ctx.timeZone), days);
  const [start, end] = [localMidnight(day, ctx.timeZone), localMidnight(addDays(day, 1), ctx.timeZone)];
  const rows = await ctx.db
    .selectDistinct({ customerId: loyaltyLedger.customerId })
    .from(loyaltyLedger)
    .where(and(eq(loyaltyLedger.workspaceId, ctx.workspaceId), gte(loyaltyLedger.expiresAt, start), lt(loyaltyLedger.expiresAt, end), gt(loyaltyLedger.points, 0)));
  if (rows.length === 0) return { warned: 0 };
  const profile = await workspaceProfile(ctx);
  let warned = 0;
  for (const { customerId } of rows) {
    const member = await findMember(ctx, customerId);
    if (!member || member.erasedAt !== null || member.balance === 0) continue;
    const points = Math.min(member.balance, (await expiringBy(ctx, customerId, end - 1)) - (await expiringBy(ctx, customerId, start - 1)));
    if (points <= 0) continue;
    const result = await ctx.messaging.send({
      customerId,
      channel: ctx.settings.expiryWarningChannel,
      // About the customer's own points, which they would want to know: not an advertisement.
      purpose: "transactional",
      ...(ctx.settings.expiryWarningChannel === "email" ? { subject: profile.locale === "fa" ? "امتیازهای شما منقضی می‌شود" : "Your points are expiring" } : {}),
      body: expiryWarning(points, start, profile.locale, ctx.timeZone, profile.name),
      idempotencyKey: `expiry-warning:${customerId}:${day}`,
    });
    if (result.status !== "skipped" && result.status !== "failed") warned++;
  }
  return { warned };
}

