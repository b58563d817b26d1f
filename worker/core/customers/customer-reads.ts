// What handlers read before changing a customer and show afterwards: the row, its identifiers
// and the workspace's CID kind; the presented customer, its reveal audited.
import type { Context } from "hono";
import { notFound } from "../http/problem";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import type { CidKind } from "../workspaces/workspaces.schema";
import { presentCustomer } from "./customer.presenter";
import type { CustomerView } from "./customer.schemas";
import { findCustomer, identifiersOf, type CustomerRow, type IdentifierRow } from "./customers.repository";
import { auditReveal } from "./reveal";

export interface LoadedCustomer {
  row: CustomerRow;
  identifiers: IdentifierRow[];
  cidKind: CidKind;
}

/** A live customer of the caller's workspace with its identifiers (oldest first); 404 otherwise. */
export async function loadCustomer(c: Context, customerId: string): Promise<LoadedCustomer> {
  const scope = c.get("scope");
  const [row, settings] = await Promise.all([findCustomer(scope, customerId), getWorkspaceSettings(c.env, scope.workspaceId)]);
  if (!row) throw notFound();
  const identifiers = (await identifiersOf(scope, [row.id])).get(row.id) ?? [];
  return { row, identifiers, cidKind: settings.cidKind };
}

export async function presentOne(c: Context, customerId: string, revealPii: boolean): Promise<CustomerView> {
  const { row, identifiers, cidKind } = await loadCustomer(c, customerId);
  return presentCustomer(row, identifiers, { revealPii, cidKind });
}

/** The customer as a response body; an explicit reveal is audited, as on GET. */
export async function presentRevealed(c: Context, customerId: string, revealPii: boolean): Promise<CustomerView> {
  const customer = await presentOne(c, customerId, revealPii);
  if (revealPii) await auditReveal(c, [customer.id], "single");
  return customer;
}
