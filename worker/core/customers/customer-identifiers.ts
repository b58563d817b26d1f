// Adding and removing one identifier of a customer (a second mobile, a shop's customer id).
// The CID's identifier and the issued code stay: a customer is always findable by both.
import { and, eq } from "drizzle-orm";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { customers } from "../data/schema";
import { eventEntry } from "../events/outbox";
import { invalidField, notFound } from "../http/problem";
import type { CidKind } from "../workspaces/workspaces.schema";
import type { IdentifierKind } from "./customers.schema";
import { isUniqueViolation, type CustomerRow, type IdentifierRow } from "./customers.repository";
import { identifierConflict } from "./identifier-fields";
import { assertClaimsFree, cidAfter, emptyPlan, fieldOfKind, identifierStatements, primaryIdentifier, type IdentifierPlan } from "./identifier-plan";

/** The plan's statements, the row's new CID and `updatedAt`, and `customer.updated`, as one batch. */
async function applyPlan(scope: WorkspaceScope, cidKind: CidKind, row: CustomerRow, rows: IdentifierRow[], plan: IdentifierPlan, actorUserId: string | null) {
  const time = now();
  const cid = cidAfter(row, rows, plan, cidKind);
  const changed = ["identifiers", ...plan.changedFields, ...(cid !== row.cid ? ["cid"] : [])];
  try {
    await scope.db.batch([
      scope.db
        .update(customers)
        .set({ cid, updatedAt: time })
        .where(and(eq(customers.workspaceId, scope.workspaceId), eq(customers.id, row.id))),
      ...identifierStatements(scope, row.id, plan, time),
      eventEntry(scope, "customer.updated", { customerId: row.id, changed }, actorUserId),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw identifierConflict(["value"]);
    throw error;
  }
}

/** Adds a normalized identifier; false when the customer already has it (nothing written). */
export async function addIdentifier(
  scope: WorkspaceScope,
  cidKind: CidKind,
  row: CustomerRow,
  rows: IdentifierRow[],
  identifier: { kind: IdentifierKind; value: string },
  actorUserId: string | null,
): Promise<boolean> {
  if (rows.some((r) => r.kind === identifier.kind && r.value === identifier.value)) return false;
  const plan = emptyPlan();
  plan.inserts.push(identifier);
  plan.claims.push({ ...identifier, field: "value" });
  // The first of its kind becomes the one the profile field shows.
  const field = fieldOfKind(identifier.kind);
  if (field && !rows.some((r) => r.kind === identifier.kind)) plan.changedFields.push(field);
  await assertClaimsFree(scope, row.id, plan);
  await applyPlan(scope, cidKind, row, rows, plan, actorUserId);
  return true;
}

export async function removeIdentifier(
  scope: WorkspaceScope,
  cidKind: CidKind,
  row: CustomerRow,
  rows: IdentifierRow[],
  identifierId: string,
  actorUserId: string | null,
): Promise<void> {
  const target = rows.find((r) => r.id === identifierId);
  if (!target) throw notFound();
  if (target.kind === "issued") throw invalidField("path.identifierId", "issued_code_protected");
  if (target.kind === cidKind && target.value === row.cid) throw invalidField("path.identifierId", "cid_identifier_protected");
  const plan = emptyPlan();
  plan.deletes.push(target.id);
  const field = fieldOfKind(target.kind);
  if (field && primaryIdentifier(rows, target.kind, row, cidKind)?.id === target.id) plan.changedFields.push(field);
  await applyPlan(scope, cidKind, row, rows, plan, actorUserId);
}
