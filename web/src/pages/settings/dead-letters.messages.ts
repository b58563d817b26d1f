import { defineMessages } from "../../i18n/i18n";

export const deadLettersMessages = defineMessages({
  en: {
    heading: "Dead letters",
    intro: "Deliveries to plugins and outgoing webhooks that failed every attempt. Fix the cause, then retry: the event is delivered again with a fresh set of attempts.",
    target: "Receiver",
    toTarget: "to {target}",
    failedAt: "Failed",
    happenedAt: "Event time",
    retry: "Retry",
    retryOf: "Retry {event} to {target}",
    retrying: "Queued again",
    retried: "Queued for delivery again.",
    none: "No failed deliveries. Everything was delivered.",
    pluginTarget: "Plugin: {id}",
    webhookTarget: "Webhook: {id}",
  },
  fa: {
    heading: "تحویل‌های ناموفق",
    intro: "تحویل‌هایی به افزونه‌ها و وب‌هوک‌های خروجی که همهٔ تلاش‌هایشان شکست خورد. علت را برطرف و دوباره تلاش کنید: رویداد با دور تازه‌ای از تلاش‌ها دوباره تحویل داده می‌شود.",
    target: "گیرنده",
    toTarget: "به {target}",
    failedAt: "زمان شکست",
    happenedAt: "زمان رویداد",
    retry: "تلاش دوباره",
    retryOf: "تلاش دوباره برای {event} به {target}",
    retrying: "دوباره در صف",
    retried: "دوباره در صف تحویل قرار گرفت.",
    none: "تحویل ناموفقی نیست. همه‌چیز تحویل داده شد.",
    pluginTarget: "افزونه: {id}",
    webhookTarget: "وب‌هوک: {id}",
  },
});
