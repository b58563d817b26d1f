// What one chunk of a bulk action writes, as set-based statements over the chunk's customers:
// each statement changes only customers it has not changed yet (a tag not yet there, another
// owner), and only while the action still stands at the chunk's place, so a chunk delivered twice
// changes nothing the second time. Customers actually changed get their `customer.updated`.
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { erasureStatements } from "../customers/erase-customer";
import type { CustomerRow, IdentifierRow } from "../customers/customers.repository";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { inList } from "../data/in-list";
import { customerBulkActions, customerListMembers, customers, customerTags } from "../data/schema";
import { eventEntry } from "../events/outbox";
import type { AuditOrigin } from "../audit/audit";
import type { BulkChange } from "./bulk-action.schemas";

export interface ChunkContext {
  scope: WorkspaceScope;
  actionId: string;
  /** The chunks done when this one started: every write holds only while that is still so. */
  seq: number;
  actorUserId: string | null;
  rows: CustomerRow[];
  /** Only for an erase: the chunk's customers' identifiers. */
  identifiers: Map<string, IdentifierRow[]>;
}

/** The action has not moved past this chunk: true inside the batch until its progress is written. */
const stillAt = (ctx: ChunkContext): SQL =>
  sql`exists (select 1 from ${customerBulkActions} where ${customerBulkActions.workspaceId} = ${ctx.scope.workspaceId} and ${customerBulkActions.id} = ${ctx.actionId} and ${customerBulkActions.seq} = ${ctx.seq})`;

const ofChunk = (ctx: ChunkContext, ids: string[]) => and(eq(customers.workspaceId, ctx.scope.workspaceId), inList(customers.id, ids), stillAt(ctx))!;

const updatedEvents = (ctx: ChunkContext, ids: string[], changed: string[]) =>
  ids.map((customerId) => eventEntry(ctx.scope, "customer.updated", { customerId, changed }, ctx.actorUserId));

/** The chunk's statements and how many customers they change. */
export function chunkChanges(ctx: ChunkContext, change: BulkChange, origin: AuditOrigin): { statements: unknown[]; changed: number } {
  const { scope } = ctx;
  const time = now();
  switch (change.type) {
    case "tag": {
      const ids = ctx.rows.filter((row) => !row.tags.includes(change.tag)).map((row) => row.id);
      if (!ids.length) return { statements: [], changed: 0 };
      return {
        changed: ids.length,
        statements: [
          scope.db
            .update(customers)
            .set({ tags: sql`json_insert(${customers.tags}, '$[#]', ${change.tag})`, updatedAt: time })
            .where(and(ofChunk(ctx, ids), sql`not exists (select 1 from json_each(${customers.tags}) where value = ${change.tag})`)),
          scope.db
            .insert(customerTags)
            .select(
              scope.db
                .select({ workspaceId: customers.workspaceId, tag: sql<string>`${change.tag}`.as("tag"), customerId: customers.id })
                .from(customers)
                .where(ofChunk(ctx, ids)),
            )
            .onConflictDoNothing(),
          ...updatedEvents(ctx, ids, ["tags"]),
        ],
      };
    }
    case "untag": {
      const ids = ctx.rows.filter((row) => row.tags.includes(change.tag)).map((row) => row.id);
      if (!ids.length) return { statements: [], changed: 0 };
      return {
        changed: ids.length,
        statements: [
          scope.db
            .update(customers)
            .set({ tags: sql`(select json_group_array(value) from json_each(${customers.tags}) where value <> ${change.tag})`, updatedAt: time })
            .where(ofChunk(ctx, ids)),
          scope.db
            .delete(customerTags)
            .where(and(eq(customerTags.workspaceId, scope.workspaceId), eq(customerTags.tag, change.tag), inList(customerTags.customerId, ids), stillAt(ctx))),
          ...updatedEvents(ctx, ids, ["tags"]),
        ],
      };
    }
    case "assign_owner": {
      const ids = ctx.rows.filter((row) => row.ownerUserId !== change.ownerUserId).map((row) => row.id);
      if (!ids.length) return { statements: [], changed: 0 };
      return {
        changed: ids.length,
        statements: [
          scope.db.update(customers).set({ ownerUserId: change.ownerUserId, updatedAt: time }).where(ofChunk(ctx, ids)),
          ...updatedEvents(ctx, ids, ["ownerUserId"]),
        ],
      };
    }
    case "set_consent": {
      const [state, at] = change.channel === "sms" ? (["consentSms", "consentSmsAt"] as const) : (["consentEmail", "consentEmailAt"] as const);
      const ids = ctx.rows.filter((row) => row[state] !== change.state).map((row) => row.id);
      if (!ids.length) return { statements: [], changed: 0 };
      return {
        changed: ids.length,
        statements: [
          scope.db
            .update(customers)
            .set({ [state]: change.state, [at]: change.state === "unknown" ? null : time, updatedAt: time })
            .where(and(ofChunk(ctx, ids), ne(customers[state], change.state))),
          ...updatedEvents(ctx, ids, [`consent.${change.channel}`]),
        ],
      };
    }
    case "add_to_list": {
      const ids = ctx.rows.map((row) => row.id);
      return {
        // A customer already on the list stays as they were (counted all the same).
        changed: ids.length,
        statements: [
          scope.db
            .insert(customerListMembers)
            .select(
              scope.db
                .select({
                  workspaceId: customers.workspaceId,
                  listId: sql<string>`${change.listId}`.as("list_id"),
                  customerId: customers.id,
                  addedAt: sql<number>`${time}`.as("added_at"),
                })
                .from(customers)
                .where(ofChunk(ctx, ids)),
            )
            .onConflictDoNothing(),
        ],
      };
    }
    case "erase":
      return {
        changed: ctx.rows.length,
        statements: ctx.rows.flatMap((row) => erasureStatements(scope, row, ctx.identifiers.get(row.id) ?? [], origin, { audited: false })),
      };
    case "send_sms":
    case "send_email":
      // Sent one by one through the messaging service (bulk-send.ts), not written as statements.
      return { statements: [], changed: 0 };
  }
}
