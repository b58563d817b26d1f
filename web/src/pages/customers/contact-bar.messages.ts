import { defineMessages } from "../../i18n/i18n";

export const contactBarMessages = defineMessages({
  en: {
    title: "Contact",
    call: "Call",
    sms: "SMS",
    whatsapp: "WhatsApp",
    telegram: "Telegram",
    email: "E-mail",
    go_call: "Call {value}",
    go_sms: "Text {value}",
    go_whatsapp: "Open WhatsApp: {value}",
    go_telegram: "Open Telegram: {value}",
    go_email: "Write to {value}",
    revealedNote: "Shown for this action only; the reveal is in the audit log.",
  },
  fa: {
    title: "تماس",
    call: "تماس",
    sms: "پیامک",
    whatsapp: "واتس‌اپ",
    telegram: "تلگرام",
    email: "ایمیل",
    go_call: "تماس با {value}",
    go_sms: "پیامک به {value}",
    go_whatsapp: "باز کردن واتس‌اپ: {value}",
    go_telegram: "باز کردن تلگرام: {value}",
    go_email: "نوشتن به {value}",
    revealedNote: "فقط برای همین کار نمایش داده شد و در گزارش رویدادها ثبت شد.",
  },
});
