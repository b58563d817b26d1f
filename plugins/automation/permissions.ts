// The automation plugin's permissions: who sees campaigns and flows and their reports, and who
// may compose and send them (a send reaches many customers at once: managers, not agents).
import type { PluginPermission } from "../../worker/plugin-api";

export const AUTOMATION_PERMISSIONS = {
  read: "automation:read",
  manage: "automation:manage",
} as const;

export const automationPermissions: PluginPermission[] = [
  { key: AUTOMATION_PERMISSIONS.read, description: { en: "See campaigns, flows and their reports", fa: "دیدن کمپین‌ها، جریان‌ها و گزارش‌هایشان" }, grantTo: ["manager", "agent"] },
  { key: AUTOMATION_PERMISSIONS.manage, description: { en: "Compose, send, pause and cancel campaigns; edit and publish flows", fa: "نوشتن، ارسال، توقف و لغو کمپین‌ها؛ ویرایش و انتشار جریان‌ها" }, grantTo: ["manager"] },
];
