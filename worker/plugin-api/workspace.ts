// The workspace as a plugin sees it: its language and currency (for texts to customers and
// amounts), and calendar days in its time zone (the Worker itself runs in UTC).
import { getWorkspaceSettings } from "../core/workspaces/workspace-settings";
import type { PluginContext } from "./types";

import { moneyText } from "../core/settings/money-text";

export { localDay, addDays } from "../core/stats/local-day";
export { localMidnight } from "../core/segments/local-midnight";
/** Every date a plugin takes goes through these, so a day that does not exist is refused alike. */
export { CalendarDay, TimeOrDay } from "../core/calendar/calendar-day";

/**
 * An amount as the web UI shows it, for texts to customers and staff: `amount` in minor units of
 * `currency` (the workspace's by default), in `ctx.locale` (the caller's in a route, the
 * workspace's in hooks and schedules). "۱۲٬۵۰۰ تومان", "12,500 toman", "$199.65".
 */
export function formatMoney(ctx: Pick<PluginContext<unknown>, "locale" | "currency">, amount: number, currency: string = ctx.currency): string {
  return moneyText(ctx.locale, amount, currency);
}

export interface WorkspaceProfile {
  name: string;
  locale: "fa" | "en";
  /** Amounts are integers in this currency's minor units (IRT and IRR have none). */
  currency: string;
  timeZone: string;
}

export async function workspaceProfile(ctx: PluginContext<unknown>): Promise<WorkspaceProfile> {
  const row = await getWorkspaceSettings(ctx.env, ctx.workspaceId);
  return { name: row.name, locale: row.locale === "en" ? "en" : "fa", currency: row.currency, timeZone: row.timeZone };
}
