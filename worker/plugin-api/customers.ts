// What a plugin may know of core's customers: the table to read and join (names, birthday,
// consent, figures, whether merged or erased), and the one way it adds a line to a customer's
// timeline. Customers are changed through the API only, so their events and audit rows happen.
import { newId } from "../core/data/ids";
import { sql, type SQL } from "drizzle-orm";
import { customerIdentifiers, customers, interactions } from "../core/data/schema";
import type { PluginContext, Statement } from "./types";

/** Core's customers, for reads and joins only: always filter by workspace_id. */
export const customersTable = customers;

/**
 * A note on the customer's timeline, marked as written by the plugin (`createdBy:
 * "plugin:<id>"`). Write the summary in the workspace's language (`workspaceProfile(ctx).locale`)
 * and put the statement in the batch of the change it tells about.
 */
export function timelineNote(ctx: PluginContext<unknown>, note: { customerId: string; summary: string; at?: number }): Statement {
  const at = note.at ?? ctx.now();
  return ctx.db.insert(interactions).values({
    id: newId("int", at),
    workspaceId: ctx.workspaceId,
    customerId: note.customerId,
    type: "note",
    direction: "internal",
    summary: note.summary.slice(0, 2000),
    occurredAt: at,
    staffUserId: null,
    createdBy: `plugin:${ctx.pluginId}`,
    createdAt: at,
  });
}

/** A condition on `customersTable`: the customer has an address for the channel (a mobile, an e-mail). */
export function hasAddress(channel: "sms" | "email"): SQL {
  const kind = channel === "sms" ? "mobile" : "email";
  return sql`exists (select 1 from ${customerIdentifiers} where ${customerIdentifiers.workspaceId} = ${customers.workspaceId} and ${customerIdentifiers.customerId} = ${customers.id} and ${customerIdentifiers.kind} = ${kind})`;
}
