// Texts of the automation plugin that are not tied to one screen.
import type { Localized } from "../../worker/plugin-api";

export const PLUGIN_NAME: Localized = { en: "Marketing automation", fa: "بازاریابی خودکار" };

export const CAMPAIGN_NOT_EDITABLE: Localized = {
  en: "this campaign has already been sent or scheduled",
  fa: "این کمپین پیش‌تر ارسال یا زمان‌بندی شده است",
};

export const CAMPAIGN_WRONG_STATE: Localized = {
  en: "the campaign is not in a state that allows this",
  fa: "وضعیت کمپین اجازهٔ این کار را نمی‌دهد",
};

export const SEND_AT_PAST: Localized = { en: "the time has already passed", fa: "این زمان گذشته است" };

export const ASSIGNEE_NOT_MEMBER: Localized = {
  en: "the task's assignee is not an active member of this workspace",
  fa: "مسئول این کار از اعضای فعال این کسب‌وکار نیست",
};

/** Words for the codes the flow and campaign schemas refuse with: a 400's errors read in the caller's language, at the field. */
export const FIELD_MESSAGES: Record<string, Localized> = {
  step_jump_forward: { en: "Jump to a later step of this flow.", fa: "به گامی بعد از همین گام در این جریان بروید." },
  split_total_100: { en: "The arms' percentages must add up to 100.", fa: "جمع درصد شاخه‌ها باید ۱۰۰ باشد." },
  branch_condition: { en: "Choose a condition: ordered since entering, a stage or a tag.", fa: "یک شرط انتخاب کنید: خرید از زمان ورود، یک مرحله یا یک برچسب." },
  template_or_body: { en: "Write the text in both languages, or give a saved template's key (one of the two).", fa: "متن را به هر دو زبان بنویسید، یا کلید یک الگوی ذخیره‌شده را بدهید (یکی از این دو)." },
  every_days_or_weekday: { en: "Give either every how many days or a weekday, not both.", fa: "یا «هر چند روز» را بدهید یا یک روز هفته، نه هر دو." },
  percent_or_amount: { en: "Give a percent off or an amount off (one of the two).", fa: "درصد تخفیف یا مبلغ تخفیف را بدهید (یکی از این دو)." },
  coupon_step_missing: { en: "{coupon} needs a coupon step before this message.", fa: "برای {coupon} پیش از این پیام یک گام کد تخفیف لازم است." },
  time_of_day: { en: "A time of day like 10:00 (24-hour).", fa: "ساعتی از روز مانند ۱۰:۰۰ (۲۴ساعته)." },
  customer_or_sample: { en: "Choose one customer or a sample size (one of the two).", fa: "یک مشتری یا اندازهٔ نمونه را انتخاب کنید (یکی از این دو)." },
  segment_or_filter: { en: "Choose a saved segment or a filter (one of the two).", fa: "یک بخش ذخیره‌شده یا یک فیلتر انتخاب کنید (یکی از این دو)." },
  local_time: { en: "A local date and time like 2026-03-21T10:00.", fa: "تاریخ و ساعت محلی مانند 2026-03-21T10:00." },
  segment_or_list: { en: "Choose a saved segment or the customers you chose (one of the two).", fa: "یک بخش ذخیره‌شده یا مشتریان انتخاب‌شده را برگزینید (یکی از این دو)." },
};
