import { defineMessages } from "../i18n/i18n";

export const taskBellMessages = defineMessages({
  en: {
    none: "No tasks due",
    one: "1 task due",
    many: "{count} tasks due",
    capped: "More than {count} tasks due",
  },
  fa: {
    none: "کار سررسیده‌ای نیست",
    one: "{count} کار سررسیده",
    many: "{count} کار سررسیده",
    capped: "بیش از {count} کار سررسیده",
  },
});
