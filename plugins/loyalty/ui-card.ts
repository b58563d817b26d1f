// The dashboard card: members, and points earned against redeemed, expired and still outstanding
// (what the club owes its members, also in money).
import type { PluginContext, UiBlock } from "../../worker/plugin-api";
import type { LoyaltySettings } from "./settings";
import { clubSummary } from "./summary";
import { both } from "./ui-labels";

export async function dashboardCard(ctx: PluginContext<LoyaltySettings>): Promise<UiBlock[]> {
  const summary = await clubSummary(ctx);
  return [
    {
      type: "stats",
      items: [
        { label: both("Members", "اعضا"), value: summary.members, format: "number" },
        { label: both("Outstanding points", "امتیاز در دست اعضا"), value: summary.outstanding, format: "number" },
        { label: both("Liability", "تعهد مالی"), value: summary.liability, format: "money" },
      ],
    },
    {
      type: "chart",
      kind: "bar",
      format: "number",
      series: [
        {
          name: both("Points", "امتیاز"),
          points: [
            { label: both("Issued", "صادرشده"), value: summary.earned + Math.max(0, summary.adjusted) },
            { label: both("Redeemed", "خرج‌شده"), value: summary.redeemed },
            { label: both("Expired or reversed", "منقضی یا برگشتی"), value: summary.expired + summary.reversed + Math.max(0, -summary.adjusted) },
            { label: both("Outstanding", "در دست اعضا"), value: summary.outstanding },
          ],
        },
      ],
    },
  ];
}
