// Handlers for the customers contract.
import { runBeforeHooks } from "../plugin-runtime/plugin-runtime";
import { actorOf } from "../auth/auth.middleware";
import { auditOrigin } from "../audit/audit";
import { identifierCandidates } from "../cid/normalize-identifier";
import { decodeCursor, toPage } from "../data/cursor";
import { invalidField, notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { checkAttributes } from "../attributes/check-attributes";
import { createCustomer } from "./create-customer";
import { customerIdentifiersRouter } from "./customer-identifiers.router";
import { customerContactRouter } from "./customer-contact.router";
import { presentCustomer } from "./customer.presenter";
import { loadCustomer, presentOne, presentRevealed } from "./customer-reads";
import { assertOwnerIsMember } from "./customer-record";
import {
  createCustomerRoute,
  deleteCustomerRoute,
  getCustomerRoute,
  listCustomersRoute,
  lookupCustomerRoute,
  updateCustomerRoute,
} from "./customers.routes";
import { findIdentifiers, identifiersOf, listCustomers } from "./customers.repository";
import { eraseCustomer } from "./erase-customer";
import { identifiersIn } from "./identifier-fields";
import { auditProbeMatch, countIdentifierProbe, guardIdentifierWrite } from "./identifier-probe";
import { auditReveal, wantsReveal } from "./reveal";
import { updateCustomer } from "./update-customer";
import { afterFromKey, sortKey } from "./customer-sort";

export const customersRouter = createRouter()
  .openapi(lookupCustomerRoute, async (c) => {
    const { identifier, reveal } = c.req.valid("query");
    const revealPii = wantsReveal(c, reveal);
    const candidates = identifierCandidates(identifier);
    if (candidates.length === 0) throw invalidField("query.identifier", "invalid_identifier");
    const probed = await countIdentifierProbe(c, candidates);
    const [match] = await findIdentifiers(c.get("scope"), candidates);
    if (!match) throw notFound();
    if (probed) await auditProbeMatch(c, [match.customerId], "lookup");
    return c.json(await presentRevealed(c, match.customerId, revealPii), 200);
  })
  .openapi(listCustomersRoute, async (c) => {
    const { cursor, limit, reveal, sort, ...filters } = c.req.valid("query");
    const revealPii = wantsReveal(c, reveal);
    const key = cursor ? decodeCursor(cursor) : null;
    const after = key ? afterFromKey(sort, key) : null;
    if (cursor && after === null) throw invalidField("query.cursor", "invalid_cursor");
    const scope = c.get("scope");
    const probed = filters.q !== undefined && (await countIdentifierProbe(c, identifierCandidates(filters.q)));
    const [rows, settings] = await Promise.all([
      listCustomers(scope, { afterId: after?.afterId ?? null, after: after?.after, sort, limit }, filters, {
        mobileTail: actorOf(c).permissions.has("customers.pii:read"),
      }),
      getWorkspaceSettings(c.env, scope.workspaceId),
    ]);
    const identifiers = await identifiersOf(scope, rows.slice(0, limit).map((row) => row.id));
    const page = toPage(rows, limit, (row) => sortKey(sort, row), (row) =>
      presentCustomer(row, identifiers.get(row.id) ?? [], { revealPii, cidKind: settings.cidKind }),
    );
    if (revealPii && page.items.length) await auditReveal(c, page.items.map((item) => item.id), "bulk");
    if (probed && page.items.length) await auditProbeMatch(c, page.items.map((item) => item.id), "search");
    return c.json(page, 200);
  })
  .openapi(createCustomerRoute, async (c) => {
    const input = await runBeforeHooks(c.get("scope"), "customer.created", c.req.valid("json"));
    const actor = actorOf(c);
    await assertOwnerIsMember(c.env, actor.workspaceId, input.ownerUserId);
    await checkAttributes(c.get("scope"), input.attributes);
    const settings = await getWorkspaceSettings(c.env, actor.workspaceId);
    const customerId = await guardIdentifierWrite(c, identifiersIn(input), () =>
      createCustomer(c.get("scope"), settings.cidKind, input, actor.userId, settings.timeZone),
    );
    // Whoever can read PII sees what they typed; others see it masked, as everywhere.
    return c.json(await presentOne(c, customerId, actor.permissions.has("customers.pii:read")), 201);
  })
  .openapi(getCustomerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const revealPii = wantsReveal(c, c.req.valid("query").reveal);
    return c.json(await presentRevealed(c, id, revealPii), 200);
  })
  .openapi(updateCustomerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { changes: input } = await runBeforeHooks(c.get("scope"), "customer.updated", { customerId: id, changes: c.req.valid("json") });
    // The response shows more than was typed, so unmasking it is an audited reveal, as on GET.
    const revealPii = wantsReveal(c, c.req.valid("query").reveal);
    const actor = actorOf(c);
    const { row, identifiers, cidKind } = await loadCustomer(c, id);
    await assertOwnerIsMember(c.env, actor.workspaceId, input.ownerUserId);
    await checkAttributes(c.get("scope"), input.attributes);
    await guardIdentifierWrite(c, identifiersIn(input), () => updateCustomer(c.get("scope"), cidKind, row, identifiers, input, actor.userId));
    return c.json(await presentRevealed(c, id, revealPii), 200);
  })
  .openapi(deleteCustomerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { row, identifiers } = await loadCustomer(c, id);
    await eraseCustomer(c.get("scope"), row, identifiers, auditOrigin(c));
    return c.body(null, 204);
  })
  .route("/", customerIdentifiersRouter)
  .route("/", customerContactRouter);
