// Flows a shop switches on in a minute: each a ready definition with its texts in Persian and
// English (the customer gets their language). Made into a draft, looked over, published. Where
// the loyalty club is on, the win-back and birthday flows give a single-use coupon of their own.
import type { Localized } from "../../worker/plugin-api";
import type { FlowDefinition } from "./flow-definition";

export interface FlowTemplate {
  key: string;
  name: Localized;
  description: Localized;
  /**
   * A task title is staff's text, written in the language of whoever switches the template on; a
   * coupon needs the loyalty club, so a flow made while it is off has none (and says nothing of one).
   */
  definition: FlowDefinition | ((locale: "fa" | "en", has: { loyalty: boolean }) => FlowDefinition);
}

/** The definition a template makes now. */
export const templateDefinition = (template: FlowTemplate, locale: "fa" | "en", has: { loyalty: boolean }): FlowDefinition =>
  typeof template.definition === "function" ? template.definition(locale, has) : structuredClone(template.definition);

const never = { policy: "never" } as const;

export const FLOW_TEMPLATES: FlowTemplate[] = [
  {
    key: "welcome",
    name: { en: "Welcome series", fa: "مجموعهٔ خوشامد" },
    description: { en: "A welcome SMS to every new customer, and a reminder three days later unless they have ordered.", fa: "پیامک خوشامد به هر مشتری تازه، و یادآوری سه روز بعد اگر هنوز خرید نکرده باشد." },
    definition: {
      trigger: { type: "event", event: "customer.created" },
      steps: [
        { type: "wait_until", time: "10:00" },
        { type: "send", channel: "sms", transactional: false, body: { en: "Welcome, {firstName}! Glad to have you at {shopName}.", fa: "{firstName} عزیز، به {shopName} خوش آمدید!" } },
        { type: "wait", days: 3, hours: 0, minutes: 0 },
        { type: "branch", orderedSinceEntry: true, elseGoTo: 5 },
        { type: "exit" },
        { type: "send", channel: "sms", transactional: false, body: { en: "{firstName}, your first order at {shopName} is waiting for you.", fa: "{firstName} عزیز، اولین خرید شما از {shopName} منتظر شماست." } },
      ],
      goal: { type: "order", withinDays: 14 },
      reentry: never,
      holidays: [],
    },
  },
  {
    key: "win-back",
    name: { en: "Win back lapsed customers", fa: "بازگرداندن مشتریان از دست رفته" },
    description: {
      en: "When a customer lapses: an SMS with a 20% single-use discount code of their own (from the loyalty club, when it is on), and a reminder on the first business day three days later.",
      fa: "وقتی مشتری از دست می‌رود: پیامک با کد تخفیف ۲۰٪ یک‌بارمصرف مخصوص خودش (از باشگاه مشتریان، اگر روشن باشد)، و یادآوری در نخستین روز کاری پس از سه روز.",
    },
    definition: (_locale, has) => ({
      trigger: { type: "event", event: "customer.stage_changed", toStages: ["lapsed"] },
      steps: [
        // Valid past the reminder: three days, then the next business day.
        ...(has.loyalty ? [{ type: "coupon" as const, percent: 20, expiresInDays: 10 }] : []),
        {
          type: "send",
          channel: "sms",
          transactional: false,
          body: has.loyalty
            ? { en: "{firstName}, we miss you at {shopName}! 20% off your next order with your code {coupon}, for 10 days.", fa: "{firstName} عزیز، در {shopName} دلمان برایتان تنگ شده! ۲۰٪ تخفیف خرید بعدی با کد {coupon}، تا ۱۰ روز." }
            : { en: "{firstName}, we miss you at {shopName}! 20% off your next order this week.", fa: "{firstName} عزیز، در {shopName} دلمان برایتان تنگ شده! این هفته ۲۰٪ تخفیف خرید بعدی." },
        },
        { type: "wait", days: 3, hours: 0, minutes: 0 },
        { type: "wait_business_day", time: "10:00" },
        {
          type: "send",
          channel: "sms",
          transactional: false,
          body: has.loyalty
            ? { en: "{firstName}, your 20% code {coupon} at {shopName} ends soon.", fa: "{firstName} عزیز، کد تخفیف ۲۰٪ شما ({coupon}) در {shopName} به‌زودی تمام می‌شود." }
            : { en: "{firstName}, your 20% discount at {shopName} ends soon.", fa: "{firstName} عزیز، تخفیف ۲۰٪ شما در {shopName} به‌زودی تمام می‌شود." },
        },
      ],
      goal: { type: "order", withinDays: 14 },
      reentry: { policy: "after_days", days: 90 },
      holidays: [],
    }),
  },
  {
    key: "birthday",
    name: { en: "Birthday greeting", fa: "تبریک تولد" },
    description: {
      en: "A greeting on the customer's birthday (Jalali calendar) at 10:00, with a 15% birthday coupon of their own for two weeks when the loyalty club is on (or swap the coupon step for a points step).",
      fa: "تبریک در روز تولد مشتری (تقویم شمسی) ساعت ۱۰، همراه با کد تخفیف ۱۵٪ تولد مخصوص خودش تا دو هفته اگر باشگاه مشتریان روشن باشد (یا گام کد تخفیف را با گام امتیاز عوض کنید).",
    },
    definition: (_locale, has) => ({
      trigger: { type: "date", field: "birthday", calendar: "persian", at: "10:00" },
      steps: has.loyalty
        ? [
            { type: "coupon", percent: 15, expiresInDays: 14 },
            {
              type: "send",
              channel: "sms",
              transactional: false,
              body: {
                en: "Happy birthday, {firstName}! A gift from {shopName}: 15% off with your code {coupon}, for two weeks.",
                fa: "{firstName} عزیز، تولدتان مبارک! هدیهٔ {shopName}: ۱۵٪ تخفیف با کد {coupon}، تا دو هفته.",
              },
            },
          ]
        : [{ type: "send", channel: "sms", transactional: false, body: { en: "Happy birthday, {firstName}! Best wishes from {shopName}.", fa: "{firstName} عزیز، تولدتان مبارک! با آرزوی بهترین‌ها از {shopName}." } }],
      reentry: { policy: "after_days", days: 300 },
      holidays: [],
    }),
  },
  {
    key: "second-order-thanks",
    name: { en: "Thank-you after the second order", fa: "تشکر پس از خرید دوم" },
    description: { en: "A thank-you the day after a customer's second paid order.", fa: "پیام تشکر یک روز پس از دومین خرید پرداخت‌شدهٔ مشتری." },
    definition: {
      trigger: { type: "event", event: "order.paid", orderNumber: 2 },
      steps: [
        { type: "wait", days: 1, hours: 0, minutes: 0 },
        { type: "send", channel: "sms", transactional: false, body: { en: "{firstName}, thank you for coming back to {shopName}!", fa: "{firstName} عزیز، از اینکه دوباره از {shopName} خرید کردید سپاسگزاریم!" } },
      ],
      reentry: never,
      holidays: [],
    },
  },
  {
    key: "post-purchase-nps",
    name: { en: "Satisfaction survey after a purchase", fa: "نظرسنجی رضایت پس از خرید" },
    description: {
      en: "Three days after a paid order, the customer is asked the satisfaction survey (NPS) — with the NPS plugin on; at most once a month per customer.",
      fa: "سه روز پس از خرید پرداخت‌شده، نظرسنجی رضایت (NPS) از مشتری پرسیده می‌شود — با افزونهٔ NPS روشن؛ هر مشتری حداکثر ماهی یک بار.",
    },
    definition: {
      trigger: { type: "event", event: "order.paid" },
      steps: [{ type: "wait", days: 3, hours: 0, minutes: 0 }, { type: "nps_survey" }],
      reentry: { policy: "after_days", days: 30 },
      holidays: [],
    },
  },
  {
    key: "detractor-follow-up",
    name: { en: "Detractor follow-up", fa: "پیگیری مشتری ناراضی" },
    description: {
      en: "When a customer gives a low survey score (the NPS plugin's detractor): a call-back task for their owner due tomorrow, and an apology SMS.",
      fa: "وقتی مشتری در نظرسنجی امتیاز پایین می‌دهد (ناراضی در افزونهٔ NPS): کار تماس برای مسئول مشتری با مهلت فردا، و پیامک عذرخواهی.",
    },
    definition: (locale) => ({
      trigger: { type: "event", event: "nps.detractor" },
      steps: [
        { type: "task", title: locale === "fa" ? "تماس با مشتری ناراضی (امتیاز پایین در نظرسنجی)" : "Call back an unhappy customer (low survey score)", assignee: "customer_owner", dueInDays: 1 },
        { type: "add_tag", tag: "detractor" },
        {
          type: "send",
          channel: "sms",
          // An answer to what the customer just told us, not an offer: it goes at once, outside the marketing caps.
          transactional: true,
          body: { en: "{firstName}, we are sorry your experience with {shopName} fell short. We will call you soon to make it right.", fa: "{firstName} عزیز، متأسفیم که تجربهٔ شما از {shopName} خوب نبود. به‌زودی با شما تماس می‌گیریم تا جبران کنیم." },
        },
      ],
      reentry: { policy: "after_days", days: 30 },
      holidays: [],
    }),
  },
];

export const templateByKey = (key: string) => FLOW_TEMPLATES.find((template) => template.key === key);
