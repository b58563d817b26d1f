// Handlers for adding and removing a customer's identifiers.
import type { IdentifierKind } from "./customers.schema";
import { actorOf } from "../auth/auth.middleware";
import { normalizeIdentifier } from "../cid/normalize-identifier";
import { createRouter } from "../http/router";
import { addIdentifier, removeIdentifier } from "./customer-identifiers";
import { addIdentifierRoute, removeIdentifierRoute } from "./customer-identifiers.routes";
import { loadCustomer, presentRevealed } from "./customer-reads";
import { guardIdentifierWrite } from "./identifier-probe";
import { wantsReveal } from "./reveal";

export const customerIdentifiersRouter = createRouter()
  .openapi(addIdentifierRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const revealPii = wantsReveal(c, c.req.valid("query").reveal);
    const { row, identifiers, cidKind } = await loadCustomer(c, id);
    // The schema has already refused values that do not normalize.
    const identifier = { kind: body.kind as IdentifierKind, value: normalizeIdentifier(body.kind, body.value)! };
    const added = await guardIdentifierWrite(c, [identifier], () => addIdentifier(c.get("scope"), cidKind, row, identifiers, identifier, actorOf(c).userId));
    return c.json(await presentRevealed(c, id, revealPii), added ? 201 : 200);
  })
  .openapi(removeIdentifierRoute, async (c) => {
    const { id, identifierId } = c.req.valid("param");
    const revealPii = wantsReveal(c, c.req.valid("query").reveal);
    const { row, identifiers, cidKind } = await loadCustomer(c, id);
    await removeIdentifier(c.get("scope"), cidKind, row, identifiers, identifierId, actorOf(c).userId);
    return c.json(await presentRevealed(c, id, revealPii), 200);
  });
