// The club page's offer to existing buyers: turning the club on credited nothing for orders paid
// before it, and the page says so, with what crediting them would do (orders, buyers, new members,
// points, what they are worth) and one button that credits them chunk by chunk with a progress bar.
// Once every past order has earned its points the offer is gone (the credit never pays twice anyway).
import type { PluginContext, UiBlock } from "../../worker/plugin-api";
import { previewPastOrders } from "./past-orders";
import type { LoyaltySettings } from "./settings";
import { numberIn } from "./texts";
import { both, type Lang } from "./ui-labels";

export async function pastOrdersBlocks(ctx: PluginContext<LoyaltySettings>, lang: Lang): Promise<UiBlock[]> {
  const preview = await previewPastOrders(ctx);
  if (preview.points === 0) return [];
  const n = (value: number) => numberIn(value, lang);
  return [
    {
      type: "text",
      tone: "warning",
      text: both(
        `Enabling the club changed nothing for past orders: ${numberIn(preview.orders, "en")} paid orders of ${numberIn(preview.buyers, "en")} buyers have earned no points. Crediting them once, under the current rules, gives ${numberIn(preview.points, "en")} points and enrols ${numberIn(preview.newMembers, "en")} new members.`,
        `فعال کردن باشگاه برای سفارش‌های گذشته کاری نکرد: ${n(preview.orders)} سفارش پرداخت‌شدهٔ ${n(preview.buyers)} خریدار هنوز امتیازی نگرفته‌اند. اعتبار دادن یک‌بارهٔ آن‌ها با قواعد کنونی ${n(preview.points)} امتیاز می‌دهد و ${n(preview.newMembers)} عضو تازه می‌سازد.`,
      ),
    },
    {
      type: "stats",
      items: [
        { label: both("Past orders", "سفارش‌های گذشته"), value: preview.orders, format: "number" },
        { label: both("New members", "اعضای تازه"), value: preview.newMembers, format: "number" },
        { label: both("Points", "امتیاز"), value: preview.points, format: "number" },
        { label: both("Liability", "تعهد مالی"), value: preview.liability, format: "money" },
      ],
    },
    {
      type: "actions",
      items: [
        {
          label: both("Credit past orders", "اعتبار دادن به سفارش‌های گذشته"),
          request: { method: "POST", path: "/past-orders/credit" },
          body: {},
          confirm: both(
            `Credit ${numberIn(preview.points, "en")} points for ${numberIn(preview.orders, "en")} past orders? Each order is credited once; this cannot be undone in one step.`,
            `${n(preview.points)} امتیاز برای ${n(preview.orders)} سفارش گذشته داده شود؟ هر سفارش یک بار امتیاز می‌گیرد؛ این کار با یک گام برنمی‌گردد.`,
          ),
          repeat: { cursor: "next", as: "after", count: "looked", total: preview.orders, label: both("Crediting past orders: {done} of {total}", "اعتبار دادن به سفارش‌های گذشته: {done} از {total}") },
        },
      ],
    },
  ];
}
