// The contract of the members' routes: a member's view and history, manual adjustments,
// redemptions and referral links, and the list of members.
import { z } from "@hono/zod-openapi";
import { pageQuery, pageSchema, pluginRoute, problemResponses } from "../../worker/plugin-api";
import { AdjustInput, CouponSchema, CustomerIdParam, LedgerEntrySchema, MemberListItem, MemberSchema, RedeemInput, ReferrerInput } from "./api-schemas";
import { LOYALTY_PERMISSIONS as P } from "./permissions";

const tags = ["Loyalty club"];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export const listMembersRoute = pluginRoute(P.read, {
  method: "get",
  path: "/members",
  tags,
  summary: "Members, newest first (optionally of one tier)",
  request: { query: z.object({ ...pageQuery, tier: z.string().min(1).max(32).optional() }) },
  responses: { 200: json("A page of members.", pageSchema(MemberListItem)), ...problemResponses },
});

export const getMemberRoute = pluginRoute(P.read, {
  method: "get",
  path: "/members/{customerId}",
  tags,
  summary: "A customer's balance, tier, progress to the next tier and referral code",
  request: { params: CustomerIdParam },
  responses: { 200: json("The member.", MemberSchema), ...problemResponses },
});

export const memberLedgerRoute = pluginRoute(P.read, {
  method: "get",
  path: "/members/{customerId}/ledger",
  tags,
  summary: "A member's ledger, newest first",
  request: { params: CustomerIdParam, query: z.object(pageQuery) },
  responses: { 200: json("A page of entries.", pageSchema(LedgerEntrySchema)), ...problemResponses },
});

export const adjustRoute = pluginRoute(P.adjust, {
  method: "post",
  path: "/members/{customerId}/adjust",
  tags,
  summary: "Adds or takes points by hand, with a reason (audited)",
  description: "A correction is a new `adjust` entry; the balance never goes below zero (409).",
  request: { params: CustomerIdParam, ...body(AdjustInput) },
  responses: { 201: json("The entry and the new balance.", z.object({ entry: LedgerEntrySchema, balance: z.number().int() })), 409: { description: "The balance would go below zero." }, ...problemResponses },
});

export const redeemRoute = pluginRoute(P.redeem, {
  method: "post",
  path: "/members/{customerId}/redeem",
  tags,
  summary: "Spends points on a reward and issues its single-use coupon",
  description: "409 with `reason` not_enough_points, out_of_stock or reward_unavailable. Concurrent redemptions never overdraw.",
  request: { params: CustomerIdParam, ...body(RedeemInput) },
  responses: { 201: json("The coupon.", CouponSchema), 409: { description: "Refused (see `reason`)." }, ...problemResponses },
});

export const referrerRoute = pluginRoute(P.adjust, {
  method: "post",
  path: "/members/{customerId}/referrer",
  tags,
  summary: "Links a customer who has not bought yet to the member whose referral code they name",
  request: { params: CustomerIdParam, ...body(ReferrerInput) },
  responses: { 200: json("The member.", MemberSchema), 409: { description: "Already linked, already bought, or their own code." }, 422: { description: "No member has this code." }, ...problemResponses },
});
