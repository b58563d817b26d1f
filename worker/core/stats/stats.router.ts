// Handlers for the dashboard's KPIs and its daily series.
import { now } from "../data/clock";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { readDaily } from "./daily";
import { readOverview } from "./overview";
import { resolvePeriod } from "./period";
import { dailyRoute, overviewRoute } from "./stats.routes";

export const statsRouter = createRouter()
  .openapi(overviewRoute, async (c) => {
    const scope = c.get("scope");
    const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
    const at = now();
    const period = resolvePeriod(c.req.valid("query"), at, settings.timeZone);
    const overview = await readOverview(scope, period);
    return c.json({ ...overview, period: { ...period, timeZone: settings.timeZone }, currency: settings.currency }, 200);
  })
  .openapi(dailyRoute, async (c) => {
    const scope = c.get("scope");
    const settings = await getWorkspaceSettings(c.env, scope.workspaceId);
    const period = resolvePeriod(c.req.valid("query"), now(), settings.timeZone);
    const days = await readDaily(scope, period);
    return c.json({ period: { ...period, timeZone: settings.timeZone }, currency: settings.currency, days }, 200);
  });
