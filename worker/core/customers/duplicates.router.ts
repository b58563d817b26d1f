// Handler for the duplicates contract: a page of pairs, each customer presented (masked) as everywhere.
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { presentCustomer } from "./customer.presenter";
import type { CustomerView } from "./customer.schemas";
import type { CustomerRow } from "./customers.repository";
import { identifierPhase } from "./duplicates-identifiers";
import { namePhase, sameBirthday, sameCity } from "./duplicates-names";
import { decodeDuplicateCursor, encodeDuplicateCursor, findDuplicatePage } from "./duplicates-page";
import { liveCustomersWithIdentifiers } from "./duplicates.repository";
import { listDuplicatesRoute } from "./duplicates.routes";
import { auditReveal, wantsReveal } from "./reveal";

/** The order pairs are found in: exact identifier matches first, then similar names. */
const DUPLICATE_PHASES = [identifierPhase, namePhase];

export const duplicatesRouter = createRouter().openapi(listDuplicatesRoute, async (c) => {
  const { cursor, limit, reveal } = c.req.valid("query");
  const revealPii = wantsReveal(c, reveal);
  const scope = c.get("scope");
  const page = await findDuplicatePage(scope, DUPLICATE_PHASES, decodeDuplicateCursor(cursor), limit);
  const customerIds = [...new Set(page.pairs.flatMap((pair) => pair.customerIds))];
  const [found, settings] = await Promise.all([liveCustomersWithIdentifiers(scope, customerIds), getWorkspaceSettings(c.env, scope.workspaceId)]);
  const present = (row: CustomerRow) => presentCustomer(row, found.identifiers.get(row.id) ?? [], { revealPii, cidKind: settings.cidKind });
  const items = page.pairs.flatMap((pair) => {
    const [a, b] = pair.customerIds.map((id) => found.customers.get(id));
    // A customer merged or erased since the walk drops out of its pairs.
    if (!a || !b) return [];
    const customers: [CustomerView, CustomerView] = [present(a), present(b)];
    return [{ reason: pair.reason, customers, identifierKinds: pair.identifierKinds, sameCity: sameCity(a, b), sameBirthday: sameBirthday(a, b) }];
  });
  if (revealPii && items.length) await auditReveal(c, [...new Set(items.flatMap((item) => item.customers.map((customer) => customer.id)))], "bulk");
  return c.json({ items, nextCursor: encodeDuplicateCursor(page.next) }, 200);
});
