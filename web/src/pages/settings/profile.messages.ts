import { defineMessages } from "../../i18n/i18n";

export const profileMessages = defineMessages({
  en: {
    heading: "My profile",
    name: "Name",
    email: "E-mail",
    role: "Role",
    language: "Language",
    workspaceLanguage: "The workspace's language ({language})",
    persian: "فارسی (Persian)",
    english: "English",
    languageHint: "The language the app shows you, whatever the workspace's.",
    mobile: "Mobile",
    mobileHint: "Your own mobile, for signing in with an SMS code where the workspace allows it. Leave empty to remove it.",
  },
  fa: {
    heading: "پروفایل من",
    name: "نام",
    email: "ایمیل",
    role: "نقش",
    language: "زبان",
    workspaceLanguage: "زبان فضای کار ({language})",
    persian: "فارسی",
    english: "English (انگلیسی)",
    languageHint: "زبانی که برنامه برای شما نشان می‌دهد، جدا از زبان فضای کار.",
    mobile: "موبایل",
    mobileHint: "موبایل خودتان، برای ورود با کد پیامکی اگر فضای کار اجازه دهد. برای برداشتن، خالی بگذارید.",
  },
});
