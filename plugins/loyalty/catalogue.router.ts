// Handlers of the reward catalogue and the coupons.
import type { LoyaltyEvents } from "./events";
import { createPluginRouter, cursorId, pluginAuditEntry, pluginContext, pluginNotFound, toPage } from "../../worker/plugin-api";
import { createRewardRoute, getCouponRoute, listCouponsRoute, listRewardsRoute, updateRewardRoute, useCouponRoute } from "./catalogue.routes";
import { normalizeCode } from "./codes";
import { findCoupon, listCoupons, presentCoupon, useCoupon } from "./coupons";
import { createReward, listRewards, presentReward, updateReward } from "./rewards";
import type { LoyaltySettings } from "./settings";

export const catalogueRouter = createPluginRouter()
  .openapi(listRewardsRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const { cursor, limit } = c.req.valid("query");
    return c.json(toPage(await listRewards(ctx, cursorId(cursor), limit), limit, (row) => [row.id], presentReward), 200);
  })
  .openapi(createRewardRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const input = c.req.valid("json");
    const row = await createReward(ctx, input, (reward) => pluginAuditEntry(c, { action: "loyalty.reward_created", entityType: "loyalty_reward", entityId: reward.id, details: { ...input } }));
    return c.json(presentReward(row), 201);
  })
  .openapi(updateRewardRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const { rewardId } = c.req.valid("param");
    const input = c.req.valid("json");
    const row = await updateReward(ctx, rewardId, input, pluginAuditEntry(c, { action: "loyalty.reward_changed", entityType: "loyalty_reward", entityId: rewardId, details: { ...input } }));
    if (!row) throw pluginNotFound();
    return c.json(presentReward(row), 200);
  })
  .openapi(listCouponsRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const { cursor, limit, customerId, status } = c.req.valid("query");
    const at = ctx.now();
    const rows = await listCoupons(ctx, { customerId, status }, cursorId(cursor), limit, at);
    return c.json(toPage(rows, limit, (row) => [row.id], (row) => presentCoupon(row, at)), 200);
  })
  .openapi(getCouponRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const code = normalizeCode(c.req.valid("param").code, 12);
    const coupon = code ? await findCoupon(ctx, code) : null;
    if (!coupon) throw pluginNotFound();
    return c.json(presentCoupon(coupon, ctx.now()), 200);
  })
  .openapi(useCouponRoute, async (c) => {
    const ctx = pluginContext<LoyaltySettings, LoyaltyEvents>(c);
    const code = normalizeCode(c.req.valid("param").code, 12);
    const { actor } = ctx;
    const used = code
      ? await useCoupon(ctx, code, { userId: actor.apiKeyId ? null : actor.userId, apiKeyId: actor.apiKeyId, reference: c.req.valid("query").reference ?? null })
      : null;
    if (!used) throw pluginNotFound();
    return c.json(presentCoupon(used, ctx.now()), 200);
  });
