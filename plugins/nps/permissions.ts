// Who may see results and who may create and send surveys. Owners and admins hold both.
import type { PluginPermission } from "../../worker/plugin-api";

export const NPS_PERMISSIONS = { read: "nps:read", manage: "nps:manage" } as const;

export const npsPermissions: PluginPermission[] = [
  { key: NPS_PERMISSIONS.read, description: { en: "See survey results, comments and testimonials", fa: "دیدن نتایج نظرسنجی، نظرها و توصیه‌نامه‌ها" }, grantTo: ["manager", "agent"] },
  { key: NPS_PERMISSIONS.manage, description: { en: "Create, change and send surveys", fa: "ساختن، تغییر و ارسال نظرسنجی" }, grantTo: ["manager"] },
];
