// Every published route against every built-in role: a role without the route's permission gets
// 403 and a role with it gets past the guard. The route list comes from /openapi.json, so a new
// route is in the matrix the day it is added, and one without a declared access fails here.
// Every registered plugin is enabled, so its routes are in the matrix without touching this file;
// plugins' public pages (`x-permission: public`) are for people without an account.
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_ROLE_PERMISSIONS, BUILTIN_ROLES, type BuiltinRole } from "../../worker/core/permissions/permissions";
import { pluginPermissionsForRole } from "../../worker/core/permissions/plugin-permissions";
import { plugins } from "../../plugins/registry";
import { addMember, anonymous, signUp, type ApiClient } from "../support/client";
import { concretePath, publishedRoutes, type PublishedRoute } from "../support/routes";

let routes: PublishedRoute[];
const members = {} as Record<BuiltinRole, ApiClient>;

beforeAll(async () => {
  routes = await publishedRoutes();
  const { owner, workspaceId } = await signUp();
  members.owner = owner;
  // Every compiled-in plugin enabled, so its routes are in the matrix too.
  for (const plugin of plugins) await owner.patch(`/api/plugins/${plugin.id}`, { enabled: true });
  for (const role of BUILTIN_ROLES.filter((r) => r !== "owner")) members[role] = await addMember(workspaceId, role);
});

const send = (client: ApiClient, route: PublishedRoute) =>
  client.request(route.method, concretePath(route.path), route.hasJsonBody ? {} : undefined);

describe("the permission matrix", () => {
  it("has every route declare its access", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => route.access === "undeclared").map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("answers 401 to anonymous callers on every guarded route", async () => {
    const guarded = routes.filter((route) => route.access !== "public");
    const outcomes = await Promise.all(guarded.map(async (route) => [`${route.method} ${route.path}`, (await send(anonymous(), route)).status]));
    expect(outcomes.filter(([, status]) => status !== 401)).toEqual([]);
  });

  for (const role of BUILTIN_ROLES) {
    it(`lets the ${role} do exactly what the ${role} role permits`, async () => {
      const permissions = new Set<string>([...BUILTIN_ROLE_PERMISSIONS[role], ...pluginPermissionsForRole(role)]);
      const checked = routes.filter((route) => route.access !== "public" && route.access !== "signed-in" && !route.path.startsWith("/api/auth/"));
      const mismatches: string[] = [];
      // A few at a time: the requests are independent (bodies are `{}`, ids do not exist), and
      // waiting on each in turn would make the matrix grow slow with every route.
      for (let start = 0; start < checked.length; start += 8) {
        await Promise.all(
          checked.slice(start, start + 8).map(async (route) => {
            const response = await send(members[role], route);
            const allowed = permissions.has(route.access);
            const refused = response.status === 403 && response.body?.code === "forbidden";
            if (allowed === refused || response.status === 401 || response.status >= 500) {
              mismatches.push(`${route.method} ${route.path} (${route.access}): ${response.status}`);
            }
          }),
        );
      }
      expect(mismatches.sort()).toEqual([]);
    });
  }
});
