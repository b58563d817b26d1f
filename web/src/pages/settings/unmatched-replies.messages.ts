import { defineMessages } from "../../i18n/i18n";

/** Settings → Messaging: replies from unknown numbers. */
export const unmatchedRepliesMessages = defineMessages({
  en: {
    title: "Replies from unknown numbers",
    intro: "SMS replies whose sender is no customer's mobile. Nothing is created from them.",
    none: "No replies from unknown numbers.",
  },
  fa: {
    title: "پاسخ از شماره‌های ناشناس",
    intro: "پاسخ‌های پیامکی که فرستنده‌شان موبایل هیچ مشتری‌ای نیست. از آن‌ها چیزی ساخته نمی‌شود.",
    none: "پاسخی از شمارهٔ ناشناس نیست.",
  },
});
