// A flow step's outcome as staff read it, in both languages: "Skipped (the loyalty club is off)"
// rather than `skipped:loyalty_off`. Shared by the customer page's panel and the flow's report.
import { uiText as both } from "../../worker/plugin-api";

const WORDS: Record<string, { en: string; fa: string }> = {
  sent: both("Sent", "ارسال شد"),
  deferred: both("Deferred (quiet hours)", "به تعویق افتاد (ساعت سکوت)"),
  failed: both("Failed", "ناموفق"),
  skipped: both("Skipped", "رد شد"),
  waited: both("Waited", "منتظر ماند"),
  tag_added: both("Tag added", "برچسب افزوده شد"),
  tag_removed: both("Tag removed", "برچسب برداشته شد"),
  attribute_set: both("Attribute set", "ویژگی ثبت شد"),
  task_created: both("Task opened", "کار ایجاد شد"),
  webhook_delivered: both("Webhook called", "وب‌هوک فراخوانده شد"),
  webhook_failed: both("Webhook failed", "وب‌هوک ناموفق"),
  coupon_issued: both("Coupon issued", "کد تخفیف صادر شد"),
  points_awarded: both("Points given", "امتیاز داده شد"),
  survey_queued: both("Survey asked (NPS)", "نظرسنجی پرسیده شد (NPS)"),
  exited: both("Left the flow", "از جریان خارج شد"),
  unchanged: both("No change", "بدون تغییر"),
};

/** Reasons that need saying in words; others (a provider's error, a split arm) are shown as they are. */
const REASONS: Record<string, { en: string; fa: string }> = {
  loyalty_off: both("the loyalty club is off", "باشگاه مشتریان خاموش است"),
  nps_off: both("the NPS survey plugin is off", "افزونهٔ نظرسنجی NPS خاموش است"),
  no_active_survey: both("no active survey", "نظرسنجی فعالی نیست"),
  no_coupon: both("no coupon to put in the message", "کد تخفیفی برای پیام نبود"),
  no_consent: both("no consent", "بدون رضایت"),
  no_address: both("no number or address", "بدون شماره یا نشانی"),
  capped: both("frequency cap", "سقف تعداد پیام"),
  daily_limit: both("daily limit", "سقف روزانه"),
  flow_daily_limit: both("the flow's daily limit", "سقف روزانهٔ جریان"),
  customer_not_found: both("customer not found", "مشتری پیدا نشد"),
  member_erased: both("the customer's data was erased", "اطلاعات مشتری پاک شده است"),
  template_variable_missing: both("the text needs a value this customer does not have", "متن مقداری می‌خواهد که این مشتری ندارد"),
  unknown_template: both("the saved template no longer exists", "الگوی ذخیره‌شده دیگر وجود ندارد"),
};

export function outcomeText(outcome: string): { en: string; fa: string } | string {
  const [kind, reason] = outcome.split(/:(.*)/s) as [string, string | undefined];
  const word = WORDS[kind];
  if (!word) return outcome;
  if (!reason) return word;
  const why = REASONS[reason] ?? { en: reason, fa: reason };
  return { en: `${word.en} (${why.en})`, fa: `${word.fa} (${why.fa})` };
}
