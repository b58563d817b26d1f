// Which API field carries which identifier kind, so an identifier problem is reported on the
// field the client sent (body.mobile), and the identifiers named in a create or update body.
import { Problem } from "../http/problem";
import type { IdentifierKind } from "./customers.schema";

export const IDENTIFIER_FIELDS = { mobile: "mobile", email: "email", national_code: "nationalCode", username: "username" } as const;
export type FieldIdentifierKind = keyof typeof IDENTIFIER_FIELDS;
export type IdentifierField = (typeof IDENTIFIER_FIELDS)[FieldIdentifierKind];

export interface NamedIdentifier {
  kind: IdentifierKind;
  value: string;
  field: string;
}

const FIELD_ENTRIES = Object.entries(IDENTIFIER_FIELDS) as Array<[FieldIdentifierKind, IdentifierField]>;

/** Identifier pairs given a value in the input, in the order of IDENTIFIER_FIELDS. */
export function identifiersIn(input: Partial<Record<IdentifierField, string | null | undefined>>): NamedIdentifier[] {
  return FIELD_ENTRIES.filter(([, field]) => typeof input[field] === "string").map(([kind, field]) => ({
    kind,
    value: input[field] as string,
    field,
  }));
}

/** Identifier kinds the input sets to null (clears). */
export function identifiersCleared(input: Partial<Record<IdentifierField, string | null | undefined>>): Array<{ kind: FieldIdentifierKind; field: IdentifierField }> {
  return FIELD_ENTRIES.filter(([, field]) => input[field] === null).map(([kind, field]) => ({ kind, field }));
}

/** A 409 naming each field whose identifier belongs to another customer. */
export function identifierConflict(fields: string[]): Problem {
  return new Problem(409, "identifier_taken", {
    errors: (fields.length ? fields : ["identifier"]).map((field) => ({ path: `body.${field}`, code: "identifier_taken" })),
  });
}
