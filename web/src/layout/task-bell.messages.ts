import { defineMessages } from "../i18n/i18n";

export const taskBellMessages = defineMessages({
  en: {
    none: "No tasks due",
    one: "1 task due",
    many: "{count} tasks due",
    capped: "More than {count} tasks due",
    separator: ", ",
    newOne: "1 newly assigned to you",
    newMany: "{count} newly assigned to you",
  },
  fa: {
    none: "کار سررسیده‌ای نیست",
    one: "{count} کار سررسیده",
    many: "{count} کار سررسیده",
    capped: "بیش از {count} کار سررسیده",
    separator: "، ",
    newOne: "{count} کار تازه به شما سپرده شده",
    newMany: "{count} کار تازه به شما سپرده شده",
  },
});
