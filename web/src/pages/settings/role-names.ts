// Built-in roles are named in the reader's language; a custom role keeps the name it was given.
import { useLanguage } from "../../i18n/i18n";

const BUILTIN_NAMES: Record<string, { en: string; fa: string }> = {
  owner: { en: "Owner", fa: "مالک" },
  admin: { en: "Admin", fa: "مدیر سیستم" },
  manager: { en: "Manager", fa: "مدیر فروش" },
  agent: { en: "Agent", fa: "کارشناس" },
  viewer: { en: "Viewer", fa: "بیننده" },
};

export const isBuiltinRoleKey = (key: string) => key in BUILTIN_NAMES;

export function useRoleName(): (role: { key: string; name: string; builtin?: boolean }) => string {
  const { language } = useLanguage();
  return (role) => (role.builtin !== false && BUILTIN_NAMES[role.key] ? BUILTIN_NAMES[role.key]![language] : role.name);
}
