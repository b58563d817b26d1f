import { defineMessages } from "../../i18n/i18n";

export const taskDigestMessages = defineMessages({
  en: {
    heading: "Daily task digest",
    intro: "Each morning from 08:00, a summary of your tasks that are overdue or due today. Nothing is sent on a day with none.",
    channel: "Send it",
    off: "Off",
    email: "By e-mail ({address})",
    sms: "By SMS",
    smsNeedsMobile: "To get it by SMS, add your mobile above and save.",
    unavailable: "This workspace has no e-mail or SMS provider yet. The owner can set one in Settings → Messaging.",
  },
  fa: {
    heading: "خلاصهٔ روزانهٔ کارها",
    intro: "هر صبح از ساعت ۸، خلاصه‌ای از کارهای عقب‌افتاده و سررسید امروز شما. روزی که کاری نباشد چیزی فرستاده نمی‌شود.",
    channel: "فرستادن",
    off: "خاموش",
    email: "با ایمیل ({address})",
    sms: "با پیامک",
    smsNeedsMobile: "برای گرفتن آن با پیامک، موبایل خود را در بالا وارد و ذخیره کنید.",
    unavailable: "این کسب‌وکار هنوز سرویس ایمیل یا پیامک ندارد. مالک می‌تواند در تنظیمات ← پیام‌رسانی آن را تنظیم کند.",
  },
});
