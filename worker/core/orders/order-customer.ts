// Who a hand-entered order is for: a customer id, or any identifier in any written form, found
// through the same normalization as the lookup, or, when nobody has it, a new customer with it.
import { identifierCandidates } from "../cid/normalize-identifier";
import { createCustomer } from "../customers/create-customer";
import type { CustomerCreate } from "../customers/customer.schemas";
import { findCustomer, findIdentifiers } from "../customers/customers.repository";
import type { IdentifierKind } from "../customers/customers.schema";
import type { WorkspaceScope } from "../data/database";
import { invalidField, Problem } from "../http/problem";
import { runBeforeHooks } from "../plugin-runtime/plugin-runtime";
import type { WorkspaceSettings } from "../workspaces/workspace-settings";

const PREFERENCE: IdentifierKind[] = ["mobile", "email", "national_code", "issued", "username"];
const FIELD_OF: Partial<Record<IdentifierKind, "mobile" | "email" | "nationalCode" | "username">> = {
  mobile: "mobile",
  email: "email",
  national_code: "nationalCode",
  username: "username",
};

async function findByIdentifier(scope: WorkspaceScope, candidates: ReturnType<typeof identifierCandidates>): Promise<string | null> {
  const matches = await findIdentifiers(scope, candidates);
  matches.sort((a, b) => PREFERENCE.indexOf(a.kind) - PREFERENCE.indexOf(b.kind));
  return matches[0]?.customerId ?? null;
}

function splitName(name: string | undefined): Pick<CustomerCreate, "firstName" | "lastName"> {
  if (!name) return {};
  const [first, ...rest] = name.split(/\s+/);
  return rest.length ? { firstName: first!, lastName: rest.join(" ") } : { firstName: first! };
}

/** The order's customer id; `created` when a new customer was made for it. */
export async function resolveOrderCustomer(
  scope: WorkspaceScope,
  settings: WorkspaceSettings,
  request: { customerId?: string; identifier?: string; name?: string },
  actorUserId: string,
): Promise<{ customerId: string; created: boolean }> {
  if (request.customerId !== undefined) {
    if (!(await findCustomer(scope, request.customerId))) throw invalidField("body.customerId", "unknown_customer");
    return { customerId: request.customerId, created: false };
  }
  const candidates = identifierCandidates(request.identifier!);
  if (candidates.length === 0) throw invalidField("body.identifier", "invalid_identifier");
  const found = await findByIdentifier(scope, candidates);
  if (found) return { customerId: found, created: false };

  const creatable = candidates.find((candidate) => FIELD_OF[candidate.kind]);
  if (!creatable) throw invalidField("body.identifier", "invalid_identifier");
  const input = await runBeforeHooks(scope, "customer.created", {
    kind: "person",
    ...splitName(request.name),
    [FIELD_OF[creatable.kind]!]: creatable.value,
    tags: [],
    consent: {},
    attributes: {},
  } as CustomerCreate);
  try {
    return { customerId: await createCustomer(scope, settings.cidKind, input, actorUserId, settings.timeZone), created: true };
  } catch (error) {
    // Someone created them a moment ago (another order for the same new customer).
    if (error instanceof Problem && error.status === 409) {
      const again = await findByIdentifier(scope, candidates);
      if (again) return { customerId: again, created: false };
    }
    throw error;
  }
}
