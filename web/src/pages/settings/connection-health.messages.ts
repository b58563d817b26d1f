// The words of a connection's health and of "Send a test", in English and Persian.
import { defineMessages } from "../../i18n/i18n";

export const connectionHealthMessages = defineMessages({
  en: {
    health: "Health of {name}",
    lastDelivery: "Last delivery",
    never: "none yet",
    failures: "Failed in the last 24 h",
    showFailures: "Show failures",
    hideFailures: "Hide failures",
    silent: "Nothing has arrived for {days} days. Check that the webhooks are still active in your shop, then send a test.",
    sendTest: "Send a test",
    testProcessed: "The test arrived and was processed.",
    testRejected: "The test arrived but was rejected: {reason}",
    testReceived: "The test arrived; processing failed for now and will be retried.",
    connection_disabled: "The test was refused: this connection is disabled, so the shop's deliveries are refused too. Enable it and send again.",
    webhook_signature_invalid: "The test was refused: its signature did not verify. Replace the secret, then send again.",
    setupHelp: "What to paste where in the shop",
  },
  fa: {
    health: "وضعیت {name}",
    lastDelivery: "آخرین تحویل",
    never: "هنوز هیچ",
    failures: "ناموفق در ۲۴ ساعت گذشته",
    showFailures: "نمایش ناموفق‌ها",
    hideFailures: "پنهان کردن ناموفق‌ها",
    silent: "{days} روز است چیزی نرسیده. بررسی کنید وب‌هوک‌ها در فروشگاه هنوز فعال باشند، سپس ارسال آزمایشی بزنید.",
    sendTest: "ارسال آزمایشی",
    testProcessed: "تحویل آزمایشی رسید و پردازش شد.",
    testRejected: "تحویل آزمایشی رسید ولی رد شد: {reason}",
    testReceived: "تحویل آزمایشی رسید؛ پردازش فعلاً ناموفق بود و دوباره تلاش می‌شود.",
    connection_disabled: "تحویل آزمایشی پذیرفته نشد: این اتصال غیرفعال است، پس تحویل‌های فروشگاه هم پذیرفته نمی‌شوند. آن را فعال کنید و دوباره بفرستید.",
    webhook_signature_invalid: "تحویل آزمایشی پذیرفته نشد: امضای آن درست نبود. کلید را عوض کنید و دوباره بفرستید.",
    setupHelp: "چه چیزی را کجای فروشگاه بچسبانید",
  },
});
