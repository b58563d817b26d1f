// The accessibility sweep (support/accessibility-sweep.ts) in Persian, and the checks that it
// visits every route the app declares. English is swept by accessibility-english.test.ts, so the
// two languages run side by side.
//   npm test -- test/e2e/accessibility.test.ts test/e2e/accessibility-english.test.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeEveryPage } from "./support/accessibility-sweep";
import { root } from "./support/paths";
import { SWEPT_ROUTERS, routeOf, unsweptRoutes, type SweepWorkspace } from "./support/ui-routes";

describe("the sweep's list of pages", () => {
  const workspace: SweepWorkspace = { customerId: "cus_1", orderId: "ord_1", invitePath: "/invite/tok", pluginPages: ["loyalty"], pluginPublicPages: {} };

  it.each(SWEPT_ROUTERS)("visits every $name route the router declares, each where the visit says", ({ routes, visits }) => {
    expect(unsweptRoutes(routes, visits, workspace)).toEqual([]);
    for (const visit of visits) for (const path of visit.paths(workspace)) expect(routeOf(routes, path), `${visit.name}: ${path}`).toBe(visit.route);
  });

  it("fails for a route the router gains without a visit", () => {
    const [signedIn] = SWEPT_ROUTERS;
    expect(unsweptRoutes({ ...signedIn!.routes, campaigns: "/campaigns/:id" }, signedIn!.visits, workspace)).toEqual(["campaigns"]);
    expect(unsweptRoutes(signedIn!.routes, signedIn!.visits.filter((visit) => visit.route !== "tasks"), workspace)).toEqual(["tasks"]);
    // A plugin page route with no enabled plugin to show: nothing swept it.
    expect(unsweptRoutes(signedIn!.routes, signedIn!.visits, { ...workspace, pluginPages: [] })).toEqual(["pluginPage"]);
  });

  it("has the app declare its paths only in the routes table", () => {
    const app = readFileSync(join(root, "web/src/app.tsx"), "utf8");
    expect(app.match(/<Route\s+path="[^"]*"/g) ?? []).toEqual([]);
  });
});

describeEveryPage("fa");
