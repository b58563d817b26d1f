// The loyalty club: an append-only points ledger per customer (earn on paid orders and events,
// redeem for rewards, expire, reverse on refunds, adjust by hand), tiers with benefits, rewards and
// single-use coupons, referral codes and fair raffles. See README.md for the rules and PLUGINS.md
// for the contract this is written against.
import { createPluginRouter, definePlugin } from "../../worker/plugin-api";
import { balanceLinkRouter, balancePageRouter } from "./balance-page.router";
import { giveBirthdayBonuses } from "./birthdays";
import { awardPointsAction, issueCouponAction } from "./gifts";
import { welcomeMember } from "./bonuses";
import { catalogueRouter } from "./catalogue.router";
import { followErasure, followMerge } from "./customer-changes";
import { earnOnPaidOrder } from "./earning";
import { loyaltyEvents } from "./events";
import { expirePoints, warnOfExpiry } from "./expiry";
import { membersRouter } from "./members.router";
import { pastOrdersRouter } from "./past-orders.router";
import { LOYALTY_PERMISSIONS, loyaltyPermissions } from "./permissions";
import { rafflesRouter } from "./raffles.router";
import { loyaltyTierField } from "./segment-field";
import { checkReferralCode, memberReferralCode } from "./referrals";
import { reverseOnRefund } from "./refunds";
import { loyaltySettings } from "./settings";
import { PLUGIN_NAME } from "./texts";
import { reviewTiers } from "./tier-review";
import { uiRouter } from "./ui.router";

export { loyaltySettings };

export const loyaltyPlugin = definePlugin({
  id: "loyalty",
  name: PLUGIN_NAME,
  description: {
    en: "Points on every purchase and for birthdays, signups and referrals; tiers with benefits; rewards with single-use coupons; raffles among members. Enabling it changes nothing for past orders: the club's page then offers to credit them, once.",
    fa: "امتیاز برای هر خرید و برای تولد، عضویت و معرفی دوستان؛ سطح‌بندی با مزایا؛ جایزه با کد تخفیف یک‌بارمصرف؛ قرعه‌کشی میان اعضا. فعال کردن آن برای سفارش‌های گذشته کاری نمی‌کند: صفحهٔ باشگاه سپس پیشنهاد می‌دهد یک بار به آن‌ها امتیاز بدهد.",
  },
  version: "1.0.0",
  permissions: loyaltyPermissions,
  settings: loyaltySettings,
  events: loyaltyEvents,
  segmentFields: [loyaltyTierField],
  // Other plugins may show a member's referral code (the NPS page invites promoters with it).
  customerFacts: { referralCode: memberReferralCode },
  // What other plugins may do through the club (the automation's coupon and points steps).
  actions: { "issue-coupon": issueCouponAction, "award-points": awardPointsAction },
  routes: createPluginRouter().route("/", membersRouter).route("/", balanceLinkRouter).route("/", catalogueRouter).route("/", rafflesRouter).route("/", uiRouter).route("/", pastOrdersRouter),
  // The member's own balance page, for the link staff send: /p/loyalty/{workspaceId}/balance/{token}.
  publicRoutes: balancePageRouter,
  before: {
    "customer.created": checkReferralCode,
  },
  on: {
    "customer.created": welcomeMember,
    "order.paid": earnOnPaidOrder,
    "order.refunded": reverseOnRefund,
    "customer.merged": followMerge,
    "customer.deleted": followErasure,
  },
  schedules: [
    // Local times in the workspace's time zone: the day's bookkeeping after midnight, messages by day.
    { id: "expire-points", timing: { every: "day", at: "00:15" }, run: async (ctx) => void (await expirePoints(ctx)) },
    { id: "review-tiers", timing: { every: "day", at: "00:30" }, run: async (ctx) => void (await reviewTiers(ctx)) },
    { id: "birthday-bonus", timing: { every: "day", at: "00:45" }, run: async (ctx) => void (await giveBirthdayBonuses(ctx)) },
    { id: "expiry-warnings", timing: { every: "day", at: "10:00" }, run: async (ctx) => void (await warnOfExpiry(ctx)) },
  ],
  ui: {
    customerPanel: { title: PLUGIN_NAME, source: "/ui/customers/{customerId}", order: 10, permission: LOYALTY_PERMISSIONS.read },
    page: { title: PLUGIN_NAME, source: "/ui/page", icon: "gift", permission: LOYALTY_PERMISSIONS.read },
    dashboardCard: { title: PLUGIN_NAME, source: "/ui/card", order: 10, permission: LOYALTY_PERMISSIONS.read },
  },
});
