// The contract of the reward catalogue and the coupons it issues.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema, pluginRoute, problemResponses } from "../../worker/plugin-api";
import { CouponCodeParam, CouponListQuery, CouponSchema, CouponUseQuery, RewardCreateInput, RewardIdParam, RewardSchema, RewardUpdateInput } from "./api-schemas";
import { LOYALTY_PERMISSIONS as P } from "./permissions";

const tags = ["Loyalty club"];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export const listRewardsRoute = pluginRoute(P.read, {
  method: "get",
  path: "/rewards",
  tags,
  summary: "The reward catalogue, newest first",
  request: { query: z.object(pageQuery) },
  responses: { 200: json("A page of rewards.", pageSchema(RewardSchema)), ...problemResponses },
});

export const createRewardRoute = pluginRoute(P.manage, {
  method: "post",
  path: "/rewards",
  tags,
  summary: "Adds a reward (audited)",
  request: body(RewardCreateInput),
  responses: { 201: json("The reward.", RewardSchema), ...problemResponses },
});

export const updateRewardRoute = pluginRoute(P.manage, {
  method: "patch",
  path: "/rewards/{rewardId}",
  tags,
  summary: "Changes a reward: cost, stock, dates, or pauses it (`active: false`) (audited)",
  request: { params: RewardIdParam, ...body(RewardUpdateInput) },
  responses: { 200: json("The reward.", RewardSchema), ...problemResponses },
});

export const listCouponsRoute = pluginRoute(P.read, {
  method: "get",
  path: "/coupons",
  tags,
  summary: "Issued coupons, newest first (of one customer, in one state)",
  request: { query: CouponListQuery.extend(pageQuery) },
  responses: { 200: json("A page of coupons.", pageSchema(CouponSchema)), ...problemResponses },
});

export const getCouponRoute = pluginRoute(P.redeem, {
  method: "get",
  path: "/coupons/{code}",
  tags,
  summary: "A coupon by its code (typed in any case, with or without dashes): what it is for and whether it can be used",
  request: { params: CouponCodeParam },
  responses: { 200: json("The coupon.", CouponSchema), ...problemResponses },
});

export const useCouponRoute = pluginRoute(P.redeem, {
  method: "post",
  path: "/coupons/{code}/use",
  tags,
  summary: "Uses a coupon: exactly once, even when a shop and a cashier try at the same moment",
  description:
    "200 with the used coupon. A used code answers 409 (`reason`: coupon_used, with `usedAt`); an expired or voided one 410 (coupon_expired, coupon_voided); an unknown one 404.",
  request: { params: CouponCodeParam, query: CouponUseQuery },
  responses: { 200: json("The coupon, now used.", CouponSchema), 409: { description: "Already used." }, 410: { description: "Expired or voided." }, ...problemResponses },
});
