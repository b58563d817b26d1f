// How a workspace asks for NPS answers (PATCH /api/plugins/nps {"settings": …}): how often a
// customer may be asked, how many surveys go out a day, how long an answer stays open, and who
// follows up a detractor. Every setting has a default, so surveys work the moment the plugin is on.
import { z } from "@hono/zod-openapi";

type Text = { en: string; fa: string };
const named = (title: Text, description?: Text) => ({ "x-title": title, ...(description && { "x-description": description }) });

export const npsSettings = z.object({
  throttleDays: z
    .number()
    .int()
    .min(7)
    .max(365)
    .default(90)
    .meta(named({ en: "Ask a customer at most every (days)", fa: "فاصلهٔ کمینهٔ دو نظرسنجی برای یک مشتری (روز)" }, { en: "Across all surveys; a customer asked more recently is skipped.", fa: "در همهٔ نظرسنجی‌ها؛ مشتری‌ای که تازه پرسیده شده کنار گذاشته می‌شود." })),
  dailyCap: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(1000)
    .meta(named({ en: "Surveys sent per day at most", fa: "بیشینهٔ نظرسنجی ارسالی در روز" })),
  answerWindowHours: z
    .number()
    .int()
    .min(1)
    .max(720)
    .default(24)
    .meta(named({ en: "An answer can be changed for (hours)", fa: "مدت امکان تغییر پاسخ (ساعت)" })),
  linkValidDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .default(14)
    .meta(named({ en: "A survey link works for (days)", fa: "مدت اعتبار پیوند نظرسنجی (روز)" })),
  detractorSlaHours: z
    .number()
    .int()
    .min(1)
    .max(720)
    .default(48)
    .meta(named({ en: "Follow up a detractor within (hours)", fa: "پیگیری ناراضی‌ها ظرف (ساعت)" })),
  followUpUserId: z
    .string()
    .max(64)
    .nullable()
    .default(null)
    .meta(named({ en: "Follow-ups go to (user id)", fa: "پیگیری‌ها به (شناسهٔ کاربر)" }, { en: "Empty: the customer's owner.", fa: "خالی: مسئول مشتری." })),
});

export type NpsSettings = z.infer<typeof npsSettings>;
