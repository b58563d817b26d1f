// Handler of the top-bar search: each group the caller may read, asked at once. Customers are
// searched exactly as the customer list searches them (same folding, same identifier probes
// budget and audit for staff who see identifiers masked).
import { actorOf } from "../auth/auth.middleware";
import { identifierCandidates } from "../cid/normalize-identifier";
import { presentCustomer } from "../customers/customer.presenter";
import { identifiersOf, listCustomers } from "../customers/customers.repository";
import { auditProbeMatch, countIdentifierProbe } from "../customers/identifier-probe";
import { toIso } from "../data/clock";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { openTasksTitledQuery, ordersByNumberQuery } from "./search.repository";
import { searchRoute } from "./search.routes";

export const searchRouter = createRouter().openapi(searchRoute, async (c) => {
  const { q, limit } = c.req.valid("query");
  const actor = actorOf(c);
  const scope = c.get("scope");
  const may = (permission: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(permission);
  const revealPii = may("customers.pii:read");
  const probed = may("customers:read") && (await countIdentifierProbe(c, identifierCandidates(q)));

  const [customerRows, orderRows, taskRows, settings] = await Promise.all([
    may("customers:read") ? listCustomers(scope, { afterId: null, limit }, { q }, { mobileTail: revealPii }) : [],
    may("orders:read") ? ordersByNumberQuery(scope, q, limit) : [],
    may("tasks:read") ? openTasksTitledQuery(scope, q, limit) : [],
    getWorkspaceSettings(c.env, scope.workspaceId),
  ]);
  const found = customerRows.slice(0, limit);
  const identifiers = await identifiersOf(scope, found.map((row) => row.id));
  const customers = found.map((row) => {
    const view = presentCustomer(row, identifiers.get(row.id) ?? [], { revealPii, cidKind: settings.cidKind });
    return { id: view.id, displayName: view.displayName, code: view.code, mobile: view.mobile };
  });
  if (probed && customers.length) await auditProbeMatch(c, customers.map((customer) => customer.id), "search");

  return c.json(
    {
      customers,
      orders: orderRows.map((order) => ({ ...order, placedAt: toIso(order.placedAt)! })),
      tasks: taskRows.map((task) => ({ ...task, dueAt: toIso(task.dueAt) })),
    },
    200,
  );
});
