// Handlers for the customers contract.
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { identifierCandidates } from "../cid/normalize-identifier";
import { decodeCursor, toPage } from "../data/cursor";
import { invalidField, notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { isWorkspaceMember } from "../workspaces/members";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { createCustomer } from "./create-customer";
import { presentCustomer } from "./customer.presenter";
import { createCustomerRoute, getCustomerRoute, listCustomersRoute, lookupCustomerRoute } from "./customers.routes";
import { findCustomer, findIdentifiers, identifiersOf, listCustomers } from "./customers.repository";
import { auditReveal, wantsReveal } from "./reveal";

async function presentOne(c: Context, customerId: string, revealPii: boolean) {
  const scope = c.get("scope");
  const [customer, settings] = await Promise.all([findCustomer(scope, customerId), getWorkspaceSettings(c.env, scope.workspaceId)]);
  if (!customer) throw notFound();
  const identifiers = (await identifiersOf(scope, [customer.id])).get(customer.id) ?? [];
  return presentCustomer(customer, identifiers, { revealPii, cidKind: settings.cidKind });
}

export const customersRouter = createRouter()
  .openapi(lookupCustomerRoute, async (c) => {
    const { identifier, reveal } = c.req.valid("query");
    const revealPii = wantsReveal(c, reveal);
    const candidates = identifierCandidates(identifier);
    if (candidates.length === 0) throw invalidField("query.identifier", "invalid_identifier");
    const [match] = await findIdentifiers(c.get("scope"), candidates);
    if (!match) throw notFound();
    const customer = await presentOne(c, match.customerId, revealPii);
    if (revealPii) await auditReveal(c, [customer.id], "single");
    return c.json(customer, 200);
  })
  .openapi(listCustomersRoute, async (c) => {
    const { cursor, limit, reveal } = c.req.valid("query");
    const revealPii = wantsReveal(c, reveal);
    const after = cursor ? decodeCursor(cursor) : null;
    if (cursor && (after === null || typeof after[0] !== "string")) throw invalidField("query.cursor", "invalid_cursor");
    const scope = c.get("scope");
    const [rows, settings] = await Promise.all([
      listCustomers(scope, { afterId: (after?.[0] as string | undefined) ?? null, limit }),
      getWorkspaceSettings(c.env, scope.workspaceId),
    ]);
    const identifiers = await identifiersOf(scope, rows.slice(0, limit).map((row) => row.id));
    const page = toPage(rows, limit, (row) => [row.id], (row) =>
      presentCustomer(row, identifiers.get(row.id) ?? [], { revealPii, cidKind: settings.cidKind }),
    );
    if (revealPii && page.items.length) await auditReveal(c, page.items.map((item) => item.id), "bulk");
    return c.json(page, 200);
  })
  .openapi(createCustomerRoute, async (c) => {
    const input = c.req.valid("json");
    const actor = actorOf(c);
    if (input.ownerUserId && !(await isWorkspaceMember(c.env, actor.workspaceId, input.ownerUserId))) {
      throw invalidField("body.ownerUserId", "unknown_user");
    }
    const settings = await getWorkspaceSettings(c.env, actor.workspaceId);
    const customerId = await createCustomer(c.get("scope"), settings.cidKind, input, actor.userId);
    // Whoever can read PII sees what they typed; others see it masked, as everywhere.
    return c.json(await presentOne(c, customerId, actor.permissions.has("customers.pii:read")), 201);
  })
  .openapi(getCustomerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const revealPii = wantsReveal(c, c.req.valid("query").reveal);
    const customer = await presentOne(c, id, revealPii);
    if (revealPii) await auditReveal(c, [customer.id], "single");
    return c.json(customer, 200);
  });
