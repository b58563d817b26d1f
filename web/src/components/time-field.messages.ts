import { defineMessages } from "../i18n/i18n";

/** TimeField's own words: what it says of text that is no time of day. */
export const timeFieldMessages = defineMessages({
  en: { invalid: "Type a time on the 24-hour clock, such as 14:30." },
  fa: { invalid: "ساعت را ۲۴ساعته بنویسید، مثلاً ۱۴:۳۰." },
});
