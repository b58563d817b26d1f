// The customer a shop delivery is about: found by any identifier it carries (the shop's customer
// id, the mobile in any form, the e-mail), or created. Identifiers the customer lacks are linked,
// and a name or an Iranian postal code is filled in only where the profile has none (staff edits
// are never overwritten).
// Concurrent deliveries for a new customer race on the unique identifier index: the losers get
// a 409, look up again, and use the winner, so one customer results.
import { normalizeEmail } from "../cid/normalize-email";
import { normalizeMobile } from "../cid/normalize-mobile";
import { createCustomer } from "../customers/create-customer";
import { addIdentifier } from "../customers/customer-identifiers";
import { findCustomer, findIdentifiers, identifiersOf, type IdentifierRow } from "../customers/customers.repository";
import type { IdentifierKind } from "../customers/customers.schema";
import { normalizePostalCode } from "../customers/postal-code";
import { updateCustomer } from "../customers/update-customer";
import type { WorkspaceScope } from "../data/database";
import { Problem } from "../http/problem";
import type { CidKind } from "../workspaces/workspaces.schema";
import { MappingError, type CustomerFacts } from "./mappings/mapped";

const ATTEMPTS = 4;
/** Which identifier wins when two point at different customers: the shop's own id first. */
const PRIORITY: IdentifierKind[] = ["external", "mobile", "email"];

const isConflict = (error: unknown) => error instanceof Problem && error.status === 409;

export interface ResolvedCustomer {
  customerId: string;
  /** Whether anything was written (created, identifier linked, name filled). */
  changed: boolean;
}

export async function resolveCustomer(scope: WorkspaceScope, cidKind: CidKind, facts: CustomerFacts, timeZone: string): Promise<ResolvedCustomer> {
  const mobile = facts.mobile ? normalizeMobile(facts.mobile) : null;
  const email = facts.email ? normalizeEmail(facts.email) : null;
  const pairs: Array<{ kind: IdentifierKind; value: string }> = [
    ...(facts.externalId ? [{ kind: "external" as const, value: facts.externalId }] : []),
    ...(mobile ? [{ kind: "mobile" as const, value: mobile }] : []),
    ...(email ? [{ kind: "email" as const, value: email }] : []),
  ];
  if (pairs.length === 0) throw new MappingError("customer: no mobile, e-mail or shop customer id to identify the customer");

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const found = await findIdentifiers(scope, pairs);
    const owner = PRIORITY.map((kind) => found.find((row) => row.kind === kind)).find(Boolean);
    if (owner) return { customerId: owner.customerId, changed: await complete(scope, cidKind, owner.customerId, pairs, facts) };
    if (!mobile && !email) throw new MappingError("customer: a new customer needs a mobile or an e-mail");
    try {
      const customerId = await createCustomer(
        scope,
        cidKind,
        {
          kind: "person",
          firstName: facts.firstName ?? undefined,
          lastName: facts.lastName ?? undefined,
          mobile: mobile ?? undefined,
          email: email ?? undefined,
          postalCode: postalCodeOf(facts),
          tags: [],
          consent: {},
          attributes: {},
        },
        null,
        timeZone,
      );
      await complete(scope, cidKind, customerId, pairs, facts);
      return { customerId, changed: true };
    } catch (error) {
      // Another delivery created the customer (or took one of the identifiers) first.
      if (!isConflict(error)) throw error;
    }
  }
  throw new Error("the customer could not be resolved after repeated identifier conflicts");
}

/** A shop's postcode is kept when it is an Iranian one; a foreign ZIP is not a postal code here. */
const postalCodeOf = (facts: CustomerFacts) => (facts.postalCode ? (normalizePostalCode(facts.postalCode) ?? undefined) : undefined);

/** Links the identifiers nobody holds yet and fills a missing name; true if anything changed. */
async function complete(scope: WorkspaceScope, cidKind: CidKind, customerId: string, pairs: Array<{ kind: IdentifierKind; value: string }>, facts: CustomerFacts) {
  let changed = false;
  const row = await findCustomer(scope, customerId);
  if (!row) throw new MappingError("customer: the matching customer was erased or merged away");
  const current = async (): Promise<IdentifierRow[]> => (await identifiersOf(scope, [customerId])).get(customerId) ?? [];
  let rows = await current();
  const missing = pairs.filter((pair) => !rows.some((r) => r.kind === pair.kind && r.value === pair.value));
  const taken = missing.length ? await findIdentifiers(scope, missing) : [];
  for (const pair of missing) {
    if (taken.some((t) => t.kind === pair.kind && t.value === pair.value)) continue; // another customer's: left alone
    try {
      const fresh = (await findCustomer(scope, customerId)) ?? row;
      if (await addIdentifier(scope, cidKind, fresh, rows, pair, null)) changed = true;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    rows = await current();
  }
  const firstName = facts.firstName ?? undefined;
  const lastName = facts.lastName ?? undefined;
  const postalCode = postalCodeOf(facts);
  const fill = {
    ...(!row.firstName && !row.lastName && !row.organizationName && (firstName || lastName) ? { firstName, lastName } : {}),
    ...(!row.postalCode && postalCode ? { postalCode } : {}),
  };
  if (Object.keys(fill).length) {
    const fresh = (await findCustomer(scope, customerId)) ?? row;
    try {
      const updated = await updateCustomer(scope, cidKind, fresh, rows, fill, null);
      if (updated.length) changed = true;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  return changed;
}
