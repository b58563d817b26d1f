// Handlers of the members' routes.
import type { LoyaltyEvents } from "./events";
import { and, desc, eq, lt } from "drizzle-orm";
import { createPluginRouter, cursorId, cursorTimeId, pluginAuditEntry, pluginContext, pluginNotFound, pluginRefusal, toPage, type PluginContext } from "../../worker/plugin-api";
import { presentCoupon, redeem } from "./coupons";
import { appendStatements, commit, entryRow, historyPage, isOverdraw } from "./ledger";
import { ensureMember, findMember, liveCustomer, type LiveCustomer } from "./members";
import { memberView } from "./member-view";
import { adjustRoute, getMemberRoute, listMembersRoute, memberLedgerRoute, redeemRoute, referrerRoute } from "./members.routes";
import { presentEntry } from "./present";
import { namesOf } from "./raffles";
import { hasPurchased, linkStatement, referrerByCode } from "./referrals";
import { loyaltyMembers } from "./schema";
import type { LoyaltySettings } from "./settings";
import { PLUGIN_NAME, refusals } from "./texts";

type Ctx = PluginContext<LoyaltySettings>;

/** The customer a path names, live and of this workspace (a merged-away id is not found). */
async function pathCustomer(ctx: Ctx, customerId: string): Promise<LiveCustomer> {
  const customer = await liveCustomer(ctx, customerId);
  if (!customer || customer.id !== customerId) throw pluginNotFound();
  return customer;
}

export const membersRouter = createPluginRouter()
  .openapi(listMembersRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const { cursor, limit, tier } = c.req.valid("query");
    const before = cursorId(cursor);
    const rows = await ctx.db
      .select()
      .from(loyaltyMembers)
      .where(and(eq(loyaltyMembers.workspaceId, ctx.workspaceId), tier ? eq(loyaltyMembers.tier, tier) : undefined, before ? lt(loyaltyMembers.id, before) : undefined))
      .orderBy(desc(loyaltyMembers.id))
      .limit(limit + 1);
    const names = await namesOf(ctx, rows.map((row) => row.customerId));
    return c.json(
      toPage(rows, limit, (row) => [row.id], (row) => ({
        customerId: row.customerId,
        displayName: names.get(row.customerId) ?? "",
        balance: row.balance,
        tier: row.tier,
        joinedAt: new Date(row.createdAt).toISOString(),
      })),
      200,
    );
  })
  .openapi(getMemberRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const customer = await pathCustomer(ctx, c.req.valid("param").customerId);
    return c.json(await memberView(ctx, customer, await findMember(ctx, customer.id)), 200);
  })
  .openapi(memberLedgerRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const customer = await pathCustomer(ctx, c.req.valid("param").customerId);
    const { cursor, limit } = c.req.valid("query");
    const rows = await historyPage(ctx, customer.id, cursorTimeId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.createdAt, row.id], presentEntry), 200);
  })
  .openapi(adjustRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const customer = await pathCustomer(ctx, c.req.valid("param").customerId);
    const { points, reason } = c.req.valid("json");
    const { actor } = ctx;
    const member = await ensureMember(ctx, customer.id);
    const refuse = (balance: number) => pluginRefusal(409, PLUGIN_NAME, refusals.wouldGoNegative(balance), { field: "points", reason: "balance_would_go_negative", extensions: { balance } });
    if (member.balance + points < 0) throw refuse(member.balance);
    const at = ctx.now();
    const row = entryRow(ctx, {
      customerId: customer.id,
      kind: "adjust",
      rule: "staff",
      points,
      sourceKind: "staff",
      sourceId: actor.userId,
      reason,
      actorUserId: actor.userId,
      expiresAt: points > 0 && ctx.settings.expiryDays > 0 ? at + ctx.settings.expiryDays * 86_400_000 : null,
      at,
    });
    try {
      await commit(ctx, [
        ...appendStatements(ctx, row),
        pluginAuditEntry(c, { action: "loyalty.points_adjusted", entityType: "loyalty_member", entityId: customer.id, customerId: customer.id, details: { points, reason, balanceBefore: member.balance } }),
      ]);
    } catch (error) {
      // Points spent meanwhile: the CHECK kept the balance from going below zero.
      if (isOverdraw(error)) throw refuse((await findMember(ctx, customer.id))?.balance ?? 0);
      throw error;
    }
    return c.json({ entry: presentEntry(row), balance: (await findMember(ctx, customer.id))!.balance }, 201);
  })
  .openapi(redeemRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const customer = await pathCustomer(ctx, c.req.valid("param").customerId);
    const { rewardId } = c.req.valid("json");
    const { actor } = ctx;
    const coupon = await redeem(ctx, customer.id, rewardId, { userId: actor.userId }, (issued) => [
      pluginAuditEntry(c, { action: "loyalty.reward_redeemed", entityType: "loyalty_coupon", entityId: issued.id, customerId: customer.id, details: { rewardId, cost: issued.cost } }),
    ]);
    return c.json(presentCoupon(coupon, ctx.now()), 201);
  })
  .openapi(referrerRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const customer = await pathCustomer(ctx, c.req.valid("param").customerId);
    const referrer = await referrerByCode(ctx, c.req.valid("json").code);
    if (!referrer) throw pluginRefusal(422, PLUGIN_NAME, refusals.unknownReferralCode, { field: "code", reason: "unknown_referral_code" });
    if (referrer.customerId === customer.id) throw pluginRefusal(409, PLUGIN_NAME, refusals.selfReferral, { field: "code", reason: "self_referral" });
    const member = await ensureMember(ctx, customer.id);
    if (member.referredBy !== null) throw pluginRefusal(409, PLUGIN_NAME, refusals.alreadyReferred, { field: "code", reason: "already_referred" });
    if (customer.orderCount > 0 || (await hasPurchased(ctx, customer.id))) throw pluginRefusal(409, PLUGIN_NAME, refusals.alreadyBought, { field: "code", reason: "already_bought" });
    await ctx.db.batch([
      linkStatement(ctx, customer.id, referrer.customerId, ctx.now()),
      pluginAuditEntry(c, { action: "loyalty.referral_linked", entityType: "loyalty_member", entityId: customer.id, customerId: customer.id, details: { referrerId: referrer.customerId } }),
    ]);
    return c.json(await memberView(ctx, customer, await findMember(ctx, customer.id)), 200);
  });
