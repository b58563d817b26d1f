import { defineMessages } from "../../i18n/i18n";

/** Settings → Messaging: the sending policy. */
export const policyMessages = defineMessages({
  en: {
    title: "Sending policy",
    quietHours: "Hours for marketing messages",
    quietHoursHint: "Marketing goes out only between these times ({zone}); one due outside them waits for the next allowed minute. Transactional messages go at once.",
    from: "From (HH:MM)",
    until: "Until (HH:MM)",
    caps: "Marketing per customer and channel",
    capsHint: "One more within the window is not sent, and the log says why.",
    perDay: "At most per 24 hours",
    perWeek: "At most per 7 days",
    dailyLimit: "Marketing sends per day for the whole workspace (optional)",
    dailyLimitHint: "A guard on cost; empty means no limit.",
    saved: "Sending policy saved.",
  },
  fa: {
    title: "قواعد ارسال",
    quietHours: "ساعت‌های مجاز پیام تبلیغاتی",
    quietHoursHint: "پیام تبلیغاتی فقط در این بازه ({zone}) فرستاده می‌شود؛ پیامی که بیرون از آن برسد تا نخستین دقیقهٔ مجاز می‌ماند. پیام اطلاع‌رسانی بی‌درنگ می‌رود.",
    from: "از (ساعت:دقیقه)",
    until: "تا (ساعت:دقیقه)",
    caps: "پیام تبلیغاتی برای هر مشتری در هر کانال",
    capsHint: "پیام بیشتر در این بازه فرستاده نمی‌شود و دلیلش در گزارش می‌آید.",
    perDay: "حداکثر در ۲۴ ساعت",
    perWeek: "حداکثر در ۷ روز",
    dailyLimit: "سقف روزانهٔ پیام تبلیغاتی کل کسب‌وکار (اختیاری)",
    dailyLimitHint: "برای مهار هزینه؛ خالی یعنی بدون سقف.",
    saved: "قواعد ارسال ذخیره شد.",
  },
});
