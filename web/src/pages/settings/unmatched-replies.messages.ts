import { defineMessages } from "../../i18n/i18n";

/** Settings → Messaging: replies from unknown numbers. */
export const unmatchedRepliesMessages = defineMessages({
  en: {
    title: "Replies from unknown numbers",
    intro: "SMS replies whose sender is no customer's mobile. Nothing is created from them.",
    none: "No replies from unknown numbers.",
    simulateTitle: "Try a reply (outbox)",
    simulateIntro: "While SMS goes to the outbox, receive a reply as if it came from this mobile: a customer's lands on their timeline, an opt-out word withdraws their SMS consent, an unknown number is listed here.",
    from: "From mobile",
    text: "Reply text",
    receive: "Receive reply",
    receivedMatched: "Received: it is on the customer's timeline.",
    receivedUnmatched: "Received from an unknown number: listed below.",
    receivedRepeated: "This reply was received before; nothing changed.",
  },
  fa: {
    title: "پاسخ از شماره‌های ناشناس",
    intro: "پاسخ‌های پیامکی که فرستنده‌شان موبایل هیچ مشتری‌ای نیست. از آن‌ها چیزی ساخته نمی‌شود.",
    none: "پاسخی از شمارهٔ ناشناس نیست.",
    simulateTitle: "آزمودن یک پاسخ (صندوق خروجی)",
    simulateIntro: "تا وقتی پیامک به صندوق خروجی می‌رود، پاسخی را چنان بگیرید که گویی از این موبایل آمده است: پاسخ مشتری در پرونده‌اش می‌نشیند، واژهٔ لغو رضایت پیامکی او را پس می‌گیرد و شمارهٔ ناشناس همین‌جا فهرست می‌شود.",
    from: "موبایل فرستنده",
    text: "متن پاسخ",
    receive: "دریافت پاسخ",
    receivedMatched: "دریافت شد: در پروندهٔ مشتری ثبت شد.",
    receivedUnmatched: "از شماره‌ای ناشناس دریافت شد: در فهرست زیر آمده است.",
    receivedRepeated: "این پاسخ پیش‌تر دریافت شده بود؛ چیزی تغییر نکرد.",
  },
});
