// Updating a customer (PATCH): only what differs is written; identifiers, tags and name words are
// kept in step with the row, and the change with its `customer.updated` event is one batch.
import { and, eq } from "drizzle-orm";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { customers } from "../data/schema";
import { eventEntry } from "../events/outbox";
import type { CidKind } from "../workspaces/workspaces.schema";
import type { CustomerUpdate } from "./customer.schemas";
import { consentAt, nameColumns, nameWordInserts, nameWordsDelete, tagInserts, tagSet, tagsDelete } from "./customer-record";
import { isUniqueViolation, type CustomerRow, type IdentifierRow } from "./customers.repository";
import { assertClaimsFree, cidAfter, identifierStatements, planIdentifierFields } from "./identifier-plan";
import { identifierConflict } from "./identifier-fields";

type Columns = Partial<typeof customers.$inferInsert>;

const PLAIN_FIELDS = ["kind", "firstName", "lastName", "organizationName", "gender", "birthday", "province", "city", "postalCode", "address", "ownerUserId"] as const;
const NAME_FIELDS = new Set<string>(["kind", "firstName", "lastName", "organizationName"]);
const CONSENT_CHANNELS = [
  { channel: "sms", state: "consentSms", at: "consentSmsAt" },
  { channel: "email", state: "consentEmail", at: "consentEmailAt" },
] as const;

/** Attributes compared by content, whatever order the keys came in. */
const attributeKey = (attributes: Record<string, unknown>) =>
  JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The row's columns that the body changes, and the API names of what changed. */
function profileChanges(row: CustomerRow, input: CustomerUpdate, time: number) {
  const set: Columns = {};
  const changed: string[] = [];
  for (const field of PLAIN_FIELDS) {
    const next = input[field];
    if (next === undefined || (next ?? null) === row[field]) continue;
    (set as Record<string, unknown>)[field] = next ?? null;
    changed.push(field);
  }
  if (changed.some((field) => NAME_FIELDS.has(field))) {
    const names = nameColumns({ ...row, ...set } as CustomerRow);
    if (names.displayName !== row.displayName) changed.push("displayName");
    if (names.displayName !== row.displayName || names.nameKey !== row.nameKey) Object.assign(set, names);
  }
  if (input.tags !== undefined) {
    const tags = tagSet(input.tags);
    if (JSON.stringify(tags) !== JSON.stringify(row.tags)) {
      set.tags = tags;
      changed.push("tags");
    }
  }
  if (input.attributes !== undefined) {
    const attributes = input.attributes ?? {};
    if (attributeKey(attributes) !== attributeKey(row.attributes)) {
      set.attributes = attributes;
      changed.push("attributes");
    }
  }
  if (input.consent !== undefined) {
    for (const { channel, state, at } of CONSENT_CHANNELS) {
      // null clears both channels back to "unknown"; an absent channel stays as it is.
      const next = input.consent === null ? "unknown" : input.consent[channel];
      if (next === undefined || next === row[state]) continue;
      set[state] = next;
      set[at] = consentAt(next, time);
      changed.push(`consent.${channel}`);
    }
  }
  return { set, changed };
}

/** Applies a PATCH body; returns the API names of what changed (empty: nothing was written). */
export async function updateCustomer(
  scope: WorkspaceScope,
  cidKind: CidKind,
  row: CustomerRow,
  identifiers: IdentifierRow[],
  input: CustomerUpdate,
  actorUserId: string | null,
): Promise<string[]> {
  const plan = planIdentifierFields(row, identifiers, cidKind, input);
  await assertClaimsFree(scope, row.id, plan);
  const time = now();
  const { set, changed } = profileChanges(row, input, time);
  changed.push(...plan.changedFields);
  const cid = cidAfter(row, identifiers, plan, cidKind);
  if (cid !== row.cid) {
    set.cid = cid;
    changed.push("cid");
  }
  if (changed.length === 0) return [];

  try {
    await scope.db.batch([
      scope.db
        .update(customers)
        .set({ ...set, updatedAt: time })
        .where(and(eq(customers.workspaceId, scope.workspaceId), eq(customers.id, row.id))),
      ...identifierStatements(scope, row.id, plan, time),
      ...(set.tags ? [tagsDelete(scope, row.id), ...tagInserts(scope, row.id, set.tags)] : []),
      ...(set.nameKey !== undefined && set.nameKey !== row.nameKey ? [nameWordsDelete(scope, row.id), ...nameWordInserts(scope, row.id, set.nameKey)] : []),
      eventEntry(scope, "customer.updated", { customerId: row.id, changed }, actorUserId),
    ]);
  } catch (error) {
    // Another customer took one of the values between our check and our write.
    if (isUniqueViolation(error)) throw identifierConflict(plan.claims.map((claim) => claim.field));
    throw error;
  }
  return changed;
}
