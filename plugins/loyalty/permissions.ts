// The club's permissions. Owners hold them all and admin roles start with them all; `grantTo` says
// which other built-in roles get them in a new workspace (a viewer can be given `loyalty:read` in
// the role editor). A shop's till or website uses an API key scoped to `loyalty:redeem`.
import type { PluginPermission } from "../../worker/plugin-api";

export const LOYALTY_PERMISSIONS = {
  read: "loyalty:read",
  adjust: "loyalty:adjust",
  redeem: "loyalty:redeem",
  manage: "loyalty:manage",
} as const;

export const loyaltyPermissions: PluginPermission[] = [
  { key: LOYALTY_PERMISSIONS.read, description: { en: "See members' points, tiers, coupons and raffles", fa: "دیدن امتیاز، سطح، کدهای تخفیف و قرعه‌کشی‌های اعضا" }, grantTo: ["manager", "agent"] },
  { key: LOYALTY_PERMISSIONS.adjust, description: { en: "Add or take points by hand, with a reason; link referrals", fa: "افزودن یا کسر دستی امتیاز با ذکر دلیل؛ ثبت معرف" }, grantTo: ["manager"] },
  { key: LOYALTY_PERMISSIONS.redeem, description: { en: "Issue rewards for members' points and use coupons (a cashier)", fa: "صدور جایزه با امتیاز اعضا و استفاده از کد تخفیف (صندوق‌دار)" }, grantTo: ["manager", "agent"] },
  { key: LOYALTY_PERMISSIONS.manage, description: { en: "Manage rewards and draw raffles", fa: "مدیریت جایزه‌ها و برگزاری قرعه‌کشی" }, grantTo: ["manager"] },
];
