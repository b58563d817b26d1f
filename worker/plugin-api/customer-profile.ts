// How a plugin changes a customer's tags and custom attributes: through core's own update, so the
// tag index, `customer.updated` (with what changed) and the row move together in one batch, as a
// PATCH by staff would. Nothing is written when nothing changes.
import { findCustomer, identifiersOf } from "../core/customers/customers.repository";
import { updateCustomer } from "../core/customers/update-customer";
import { getWorkspaceSettings } from "../core/workspaces/workspace-settings";
import { scopeOfContext } from "../core/plugin-runtime/plugin-context";
import type { PluginContext } from "./types";

export interface CustomerProfileChange {
  addTags?: string[];
  removeTags?: string[];
  /** Attributes to set (null removes one); the others stay as they are. */
  attributes?: Record<string, string | number | boolean | null>;
}

/** Applies the change; answers what changed (`["tags"]`, `["attributes"]`), empty when nothing did or the customer is gone. */
export async function changeCustomerProfile(ctx: PluginContext<unknown>, customerId: string, change: CustomerProfileChange): Promise<string[]> {
  const scope = scopeOfContext(ctx);
  const row = await findCustomer(scope, customerId);
  if (!row || row.erasedAt || row.mergedInto) return [];
  const removed = new Set((change.removeTags ?? []).map((tag) => tag.trim().toLowerCase()));
  const kept = row.tags.filter((tag) => !removed.has(tag.toLowerCase()));
  const tags = [...kept, ...(change.addTags ?? []).map((tag) => tag.trim()).filter((tag) => tag && !kept.some((k) => k.toLowerCase() === tag.toLowerCase()))].slice(0, 50);
  const attributes: Record<string, unknown> = { ...row.attributes };
  for (const [key, value] of Object.entries(change.attributes ?? {})) {
    if (value === null) delete attributes[key];
    else attributes[key] = value;
  }
  const [identifiers, settings] = await Promise.all([identifiersOf(scope, [row.id]), getWorkspaceSettings(ctx.env, ctx.workspaceId)]);
  return updateCustomer(scope, settings.cidKind, row, identifiers.get(row.id) ?? [], { tags, attributes: attributes as never }, null);
}
