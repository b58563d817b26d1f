// Changing a customer's identifiers: what to delete, rewrite and insert, which CID the customer
// ends with, and the statements that do it. Shared by PATCH and the identifier routes.
import { and, eq, inArray } from "drizzle-orm";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { customerIdentifiers } from "../data/schema";
import { invalidField } from "../http/problem";
import type { CidKind } from "../workspaces/workspaces.schema";
import type { IdentifierKind } from "./customers.schema";
import { findIdentifiers, type CustomerRow, type IdentifierRow } from "./customers.repository";
import { IDENTIFIER_FIELDS, identifierConflict, identifiersCleared, identifiersIn, type IdentifierField } from "./identifier-fields";

export interface IdentifierPlan {
  deletes: string[];
  updates: Array<{ id: string; value: string }>;
  inserts: Array<{ kind: IdentifierKind; value: string }>;
  /** API fields whose shown value changes ("mobile", ...), for the event. */
  changedFields: string[];
  /** Values the plan writes, with the field to blame if another customer holds one. */
  claims: Array<{ kind: IdentifierKind; value: string; field: string }>;
}

export const emptyPlan = (): IdentifierPlan => ({ deletes: [], updates: [], inserts: [], changedFields: [], claims: [] });

/**
 * The identifier a field shows and replaces: for the CID kind the one the CID is, otherwise the
 * oldest. Rewritten in place (not deleted and re-added) so it stays the one shown.
 */
export function primaryIdentifier(rows: IdentifierRow[], kind: IdentifierKind, customer: Pick<CustomerRow, "cid">, cidKind: CidKind) {
  const ofKind = rows.filter((row) => row.kind === kind);
  return (kind === cidKind ? ofKind.find((row) => row.value === customer.cid) : undefined) ?? ofKind[0];
}

/** The CID after a plan: the CID-kind identifier the customer is left with (the code for "issued"). */
export function cidAfter(customer: Pick<CustomerRow, "cid" | "code">, rows: IdentifierRow[], plan: IdentifierPlan, cidKind: CidKind): string | null {
  if (cidKind === "issued") return customer.code;
  const current = primaryIdentifier(rows, cidKind, customer, cidKind);
  if (current && !plan.deletes.includes(current.id)) return plan.updates.find((u) => u.id === current.id)?.value ?? current.value;
  const survivor = rows.find((row) => row.kind === cidKind && !plan.deletes.includes(row.id));
  return survivor?.value ?? plan.inserts.find((insert) => insert.kind === cidKind)?.value ?? null;
}

/** The identifier fields of a PATCH body as a plan. Clearing the CID's kind is refused. */
export function planIdentifierFields(
  customer: CustomerRow,
  rows: IdentifierRow[],
  cidKind: CidKind,
  input: Partial<Record<IdentifierField, string | null | undefined>>,
): IdentifierPlan {
  const plan = emptyPlan();
  for (const { kind, field } of identifiersCleared(input)) {
    if (kind === cidKind) throw invalidField(`body.${field}`, "cid_identifier_protected");
    const ofKind = rows.filter((row) => row.kind === kind);
    if (ofKind.length === 0) continue;
    plan.deletes.push(...ofKind.map((row) => row.id));
    plan.changedFields.push(field);
  }
  for (const { kind, value, field } of identifiersIn(input)) {
    const primary = primaryIdentifier(rows, kind, customer, cidKind);
    if (primary?.value === value) continue;
    // The value may already be one of this customer's other identifiers of the kind: it moves.
    const duplicate = rows.find((row) => row.kind === kind && row.value === value);
    if (duplicate) plan.deletes.push(duplicate.id);
    if (primary) plan.updates.push({ id: primary.id, value });
    else plan.inserts.push({ kind, value });
    plan.changedFields.push(field);
    if (!duplicate) plan.claims.push({ kind, value, field });
  }
  return plan;
}

/** 409 on the fields whose new value belongs to another customer of the workspace. */
export async function assertClaimsFree(scope: WorkspaceScope, customerId: string, plan: IdentifierPlan): Promise<void> {
  const taken = (await findIdentifiers(scope, plan.claims)).filter((row) => row.customerId !== customerId);
  if (taken.length === 0) return;
  throw identifierConflict(plan.claims.filter((c) => taken.some((t) => t.kind === c.kind && t.value === c.value)).map((c) => c.field));
}

/** Deletes first, then rewrites, then inserts, so a value moving between rows never collides. */
export function identifierStatements(scope: WorkspaceScope, customerId: string, plan: IdentifierPlan, time: number) {
  const mine = (id: string) => and(eq(customerIdentifiers.workspaceId, scope.workspaceId), eq(customerIdentifiers.customerId, customerId), eq(customerIdentifiers.id, id));
  return [
    ...(plan.deletes.length
      ? [
          scope.db
            .delete(customerIdentifiers)
            .where(
              and(
                eq(customerIdentifiers.workspaceId, scope.workspaceId),
                eq(customerIdentifiers.customerId, customerId),
                inArray(customerIdentifiers.id, plan.deletes),
              ),
            ),
        ]
      : []),
    ...plan.updates.map((update) => scope.db.update(customerIdentifiers).set({ value: update.value }).where(mine(update.id))),
    ...(plan.inserts.length
      ? [
          scope.db.insert(customerIdentifiers).values(
            plan.inserts.map((insert) => ({
              id: newId("cid"),
              workspaceId: scope.workspaceId,
              customerId,
              kind: insert.kind,
              value: insert.value,
              createdAt: time,
            })),
          ),
        ]
      : []),
  ];
}

/** The API field that shows a kind, if any ("external" has none). */
export const fieldOfKind = (kind: IdentifierKind): string | null => (IDENTIFIER_FIELDS as Record<string, string>)[kind] ?? null;
