// Creating a customer: the CID the workspace asks for, every identifier unique in the workspace,
// and the customer, its identifiers, tags, name words and `customer.created` in one batch.
import { sql } from "drizzle-orm";
import { foldName, nameWords } from "../cid/fold-name";
import { formatIssuedCode } from "../cid/issued-code";
import { now } from "../data/clock";
import type { WorkspaceScope } from "../data/database";
import { newId } from "../data/ids";
import { customerIdentifiers, customerNameWords, customers, customerTags, workspaceCounters } from "../data/schema";
import { eventEntry } from "../events/outbox";
import { Problem } from "../http/problem";
import type { CidKind } from "../workspaces/workspaces.schema";
import type { CustomerCreate } from "./customer.schemas";
import type { IdentifierKind } from "./customers.schema";
import { findIdentifiers, isUniqueViolation } from "./customers.repository";

/** The API field that carries each identifier kind, for error paths. */
export const IDENTIFIER_FIELDS = { mobile: "mobile", email: "email", national_code: "nationalCode", username: "username" } as const;

export function displayNameOf(input: { kind: string; firstName?: string | null; lastName?: string | null; organizationName?: string | null }): string {
  if (input.kind === "organization" && input.organizationName) return input.organizationName;
  return [input.firstName, input.lastName].filter(Boolean).join(" ") || input.organizationName || "";
}

/** Identifier pairs named in the input, in the order of IDENTIFIER_FIELDS. */
export function identifiersIn(input: Partial<Record<(typeof IDENTIFIER_FIELDS)[keyof typeof IDENTIFIER_FIELDS], string | null | undefined>>) {
  return (Object.entries(IDENTIFIER_FIELDS) as Array<[keyof typeof IDENTIFIER_FIELDS, (typeof IDENTIFIER_FIELDS)[keyof typeof IDENTIFIER_FIELDS]]>)
    .filter(([, field]) => typeof input[field] === "string")
    .map(([kind, field]) => ({ kind: kind as IdentifierKind, value: input[field] as string, field }));
}

/** A 409 naming each field whose identifier belongs to another customer. */
export function identifierConflict(fields: string[]): Problem {
  return new Problem(409, "identifier_taken", {
    errors: (fields.length ? fields : ["identifier"]).map((field) => ({ path: `body.${field}`, code: "identifier_taken" })),
  });
}

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
  const displayName = displayNameOf(input);
  const nameKey = foldName(displayName);
  const cid = cidKind === "issued" ? code : cidIdentifier!.value;
  const tags = [...new Set(input.tags)];
  const allIdentifiers = [...identifiers, { kind: "issued" as const, value: code }];

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
        address: input.address ?? null,
        tags,
        consentSms: input.consent.sms ?? "unknown",
        consentSmsAt: input.consent.sms && input.consent.sms !== "unknown" ? time : null,
        consentEmail: input.consent.email ?? "unknown",
        consentEmailAt: input.consent.email && input.consent.email !== "unknown" ? time : null,
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
      ...(tags.length ? [scope.db.insert(customerTags).values(tags.map((tag) => ({ workspaceId: scope.workspaceId, tag, customerId })))] : []),
      ...(nameKey
        ? [scope.db.insert(customerNameWords).values(nameWords(nameKey).map((word) => ({ workspaceId: scope.workspaceId, word, customerId })))]
        : []),
      eventEntry(scope, "customer.created", { customerId, cid, code }, actorUserId),
    ]);
  } catch (error) {
    // Another request took one of the identifiers between our check and our write.
    if (isUniqueViolation(error)) throw identifierConflict(identifiers.map((i) => i.field));
    throw error;
  }
  return customerId;
}
