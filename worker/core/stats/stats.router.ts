// Handler for the dashboard's KPIs.
import { now } from "../data/clock";
import { invalidField } from "../http/problem";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { addDays, daysBetween, localDay } from "./local-day";
import { readOverview } from "./overview";
import { overviewRoute } from "./stats.routes";

const MAX_PERIOD_DAYS = 366;

export const statsRouter = createRouter().openapi(overviewRoute, async (c) => {
  const query = c.req.valid("query");
  const scope = c.get("scope");
  const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
  const at = now();
  const to = query.to ?? localDay(at, settings.timeZone);
  const from = query.from ?? addDays(to, -29);
  if (from > to) throw invalidField("query.from", "invalid_range");
  if (daysBetween(from, to) >= MAX_PERIOD_DAYS) throw invalidField("query.from", "period_too_long", { days: MAX_PERIOD_DAYS });
  const overview = await readOverview(scope, { from, to }, at);
  return c.json({ ...overview, period: { from, to, timeZone: settings.timeZone }, currency: settings.currency }, 200);
});
