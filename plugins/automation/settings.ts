// The automation plugin's settings: every one has a default, so a shop switches it on and sends.
import { z } from "@hono/zod-openapi";

export const automationSettings = z.object({
  attributionDays: z.number().int().min(1).max(30).default(5).meta({
    "x-title": { en: "Attribution window (days)", fa: "بازهٔ نسبت‌دادن خرید (روز)" },
    "x-description": { en: "An order this many days after a message counts as its conversion (last message wins).", fa: "سفارشی که تا این چند روز پس از پیام ثبت شود، نتیجهٔ آن پیام حساب می‌شود (آخرین پیام)." },
  }),
});
export type AutomationSettings = z.infer<typeof automationSettings>;
