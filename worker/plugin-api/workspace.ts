// The workspace as a plugin sees it: its language and currency (for texts to customers and
// amounts), and calendar days in its time zone (the Worker itself runs in UTC).
import { getWorkspaceSettings } from "../core/workspaces/workspace-settings";
import type { PluginContext } from "./types";

export { localDay, addDays } from "../core/stats/local-day";
export { localMidnight } from "../core/segments/local-midnight";
/** Every date a plugin takes goes through these, so a day that does not exist is refused alike. */
export { CalendarDay, TimeOrDay } from "../core/calendar/calendar-day";

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
