// Creating a customer: the CID the workspace asks for, every identifier unique in the workspace,
// and the customer, its identifiers, tags, name words and `customer.created` in one batch.
import { sql } from "drizzle-orm";
import { formatIssuedCode } from "../cid/issued-code";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { customerIdentifiers, customers, workspaceCounters } from "../data/schema";
import { eventEntry } from "../events/outbox";
import { customerCreatedRollups } from "../stats/rollups";
import { Problem } from "../http/problem";
import type { CidKind } from "../workspaces/workspaces.schema";
import type { CustomerCreate } from "./customer.schemas";
import { consentAt, nameColumns, nameWordInserts, tagInserts, tagSet } from "./customer-record";
import { findIdentifiers, isUniqueViolation } from "./customers.repository";
import { IDENTIFIER_FIELDS, identifierConflict, identifiersIn } from "./identifier-fields";

// Kept importable from here for callers written against the first version of this module.
export { displayNameOf } from "./customer-record";
export { IDENTIFIER_FIELDS, identifierConflict, identifiersIn } from "./identifier-fields";

async function nextCustomerCode(scope: WorkspaceScope): Promise<string> {
  // Bumped on its own so the code is known for the response and the event; a failed create
  // leaves a gap in the sequence, as database sequences do.
  const [counter] = await scope.db
    .insert(workspaceCounters)
    .values({ workspaceId: scope.workspaceId, name: "customer_code", value: 1 })
    .onConflictDoUpdate({ target: [workspaceCounters.workspaceId, workspaceCounters.name], set: { value: sql`${workspaceCounters.value} + 1` } })
    .returning({ value: workspaceCounters.value });
  return formatIssuedCode(counter!.value);
}

export async function createCustomer(
  scope: WorkspaceScope,
  cidKind: CidKind,
  input: CustomerCreate,
  actorUserId: string | null,
  timeZone?: string,
): Promise<string> {
  const identifiers = identifiersIn(input);
  const cidIdentifier = identifiers.find((identifier) => identifier.kind === cidKind);
  if (cidKind !== "issued" && !cidIdentifier) {
    const field = IDENTIFIER_FIELDS[cidKind];
    throw new Problem(400, "validation_failed", { errors: [{ path: `body.${field}`, code: "cid_required", params: { kind: field } }] });
  }
  const taken = await findIdentifiers(scope, identifiers);
  if (taken.length > 0) {
    throw identifierConflict(identifiers.filter((i) => taken.some((t) => t.kind === i.kind && t.value === i.value)).map((i) => i.field));
  }

  const code = await nextCustomerCode(scope);
  const time = now();
  const customerId = newId("cus");
  const { displayName, nameKey } = nameColumns(input);
  const cid = cidKind === "issued" ? code : cidIdentifier!.value;
  const tags = tagSet(input.tags);
  const allIdentifiers = [...identifiers, { kind: "issued" as const, value: code }];
  const consentSms = input.consent.sms ?? "unknown";
  const consentEmail = input.consent.email ?? "unknown";

  try {
    await scope.db.batch([
      scope.db.insert(customers).values({
        id: customerId,
        workspaceId: scope.workspaceId,
        cid,
        code,
        kind: input.kind,
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        organizationName: input.organizationName ?? null,
        displayName,
        nameKey,
        gender: input.gender ?? null,
        birthday: input.birthday ?? null,
        province: input.province ?? null,
        city: input.city ?? null,
        postalCode: input.postalCode ?? null,
        address: input.address ?? null,
        tags,
        consentSms,
        consentSmsAt: consentAt(consentSms, time),
        consentEmail,
        consentEmailAt: consentAt(consentEmail, time),
        attributes: input.attributes,
        ownerUserId: input.ownerUserId ?? null,
        createdAt: time,
        updatedAt: time,
      }),
      scope.db.insert(customerIdentifiers).values(
        allIdentifiers.map((identifier) => ({
          id: newId("cid"),
          workspaceId: scope.workspaceId,
          customerId,
          kind: identifier.kind,
          value: identifier.value,
          createdAt: time,
        })),
      ),
      ...tagInserts(scope, customerId, tags),
      ...nameWordInserts(scope, customerId, nameKey),
      eventEntry(scope, "customer.created", { customerId, cid, code }, actorUserId),
      ...customerCreatedRollups(scope, time, timeZone),
    ]);
  } catch (error) {
    // Another request took one of the identifiers between our check and our write.
    if (isUniqueViolation(error)) throw identifierConflict(identifiers.map((i) => i.field));
    throw error;
  }
  return customerId;
}
