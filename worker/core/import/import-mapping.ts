// The column mapping of an upload: which CSV column feeds which field. Checked before anything is
// stored, so a bad mapping is one 400 and nothing is written.
import { Problem, type ProblemOptions } from "../http/problem";
import type { CidKind } from "../workspaces/workspaces.schema";
import { IDENTIFIER_FIELDS } from "../customers/identifier-fields";
import type { ImportKind } from "./import.schema";

export const CUSTOMER_FIELDS = [
  "kind",
  "firstName",
  "lastName",
  "organizationName",
  "mobile",
  "email",
  "nationalCode",
  "username",
  "gender",
  "birthday",
  "province",
  "city",
  "postalCode",
  "address",
  "tags",
  "consentSms",
  "consentEmail",
] as const;

export const ORDER_FIELDS = ["customer", "externalId", "number", "status", "total", "currency", "placedAt", "paidAt", "channel", "note"] as const;

export const IMPORT_FIELDS: Record<ImportKind, readonly string[]> = { customers: CUSTOMER_FIELDS, orders: ORDER_FIELDS };

const CUSTOMER_IDENTIFIER_FIELDS = ["mobile", "email", "nationalCode", "username"];

/** field → index of its column in the header. */
export type ResolvedMapping = Map<string, { index: number; column: string }>;

type FieldErrors = NonNullable<ProblemOptions["errors"]>;

/** The mapping as field → column, or a 400 naming every bad entry. */
export function resolveMapping(kind: ImportKind, header: readonly string[], mapping: Record<string, string>, cidKind: CidKind): ResolvedMapping {
  const errors: FieldErrors = [];
  const resolved: ResolvedMapping = new Map();
  const known = IMPORT_FIELDS[kind];
  for (const [column, field] of Object.entries(mapping)) {
    const path = `body.mapping.${column}`;
    const index = header.indexOf(column.trim());
    if (!known.includes(field)) errors.push({ path, code: "import_unknown_field", params: { given: field, fields: known.join(", ") } });
    else if (index < 0) errors.push({ path, code: "import_unknown_column", params: { column } });
    else if (resolved.has(field)) errors.push({ path, code: "import_duplicate_field", params: { field } });
    else resolved.set(field, { index, column: column.trim() });
  }
  for (const field of requiredFields(kind, cidKind)) {
    if (!resolved.has(field)) errors.push({ path: "body.mapping", code: "import_mapping_required", params: { field } });
  }
  if (kind === "customers" && cidKind === "issued" && !CUSTOMER_IDENTIFIER_FIELDS.some((field) => resolved.has(field))) {
    // Without any identifier a second import could not find the customers of the first.
    errors.push({ path: "body.mapping", code: "import_mapping_required", params: { field: CUSTOMER_IDENTIFIER_FIELDS.join(" | ") } });
  }
  if (errors.length) throw new Problem(400, "validation_failed", { errors });
  return resolved;
}

function requiredFields(kind: ImportKind, cidKind: CidKind): string[] {
  if (kind === "orders") return ["customer", "externalId", "total", "placedAt"];
  return cidKind === "issued" ? [] : [IDENTIFIER_FIELDS[cidKind]];
}

/** A row's cell for a field: trimmed, undefined when the field is not mapped or the cell is empty. */
export function cellOf(mapping: ResolvedMapping, cells: readonly string[], field: string): string | undefined {
  const at = mapping.get(field);
  if (!at) return undefined;
  const value = (cells[at.index] ?? "").trim();
  return value === "" ? undefined : value;
}

export const columnOf = (mapping: ResolvedMapping, field: string): string | null => mapping.get(field)?.column ?? null;
