import { defineMessages } from "../../i18n/i18n";

export const firstRunMessages = defineMessages({
  en: {
    title: "Get started",
    progress: "{done} of {total} done",
    "connect-shop": "Connect your shop (WooCommerce or Shopify) and bring in its past orders",
    "import-data": "Import customers from a file",
    "invite-staff": "Invite your staff",
    "sms-provider": "Set an SMS provider",
    "choose-plugins": "Choose plugins (loyalty club, surveys, automation)",
    done: "Done",
    todo: "To do",
    open: "Open",
    dismiss: "Hide this list",
  },
  fa: {
    title: "شروع کار",
    progress: "{done} از {total} انجام شده",
    "connect-shop": "فروشگاهتان را (ووکامرس یا شاپیفای) وصل کنید و سفارش‌های گذشته‌اش را بیاورید",
    "import-data": "درون‌ریزی مشتریان از فایل",
    "invite-staff": "دعوت از همکاران",
    "sms-provider": "تنظیم سرویس پیامک",
    "choose-plugins": "انتخاب افزونه‌ها (باشگاه مشتریان، نظرسنجی، خودکارسازی)",
    done: "انجام شد",
    todo: "مانده",
    open: "رفتن",
    dismiss: "پنهان کردن این فهرست",
  },
});
