// Handler for the merge contract.
import { actorOf } from "../auth/auth.middleware";
import { auditOrigin } from "../audit/audit";
import { notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { presentCustomer } from "./customer.presenter";
import { findCustomer, identifiersOf } from "./customers.repository";
import { mergeCustomers } from "./merge-customers";
import { mergeCustomersRoute } from "./merge-customers.routes";

export const mergeCustomersRouter = createRouter().openapi(mergeCustomersRoute, async (c) => {
  const request = c.req.valid("json");
  const actor = actorOf(c);
  const scope = c.get("scope");
  await mergeCustomers(scope, auditOrigin(c), request);
  const [survivor, identifiers, settings] = await Promise.all([
    findCustomer(scope, request.survivorId),
    identifiersOf(scope, [request.survivorId]),
    getWorkspaceSettings(c.env, scope.workspaceId),
  ]);
  if (!survivor) throw notFound();
  // As on create: whoever may read PII sees it, others see it masked.
  const revealPii = actor.permissions.has("customers.pii:read");
  return c.json(presentCustomer(survivor, identifiers.get(survivor.id) ?? [], { revealPii, cidKind: settings.cidKind }), 200);
});
