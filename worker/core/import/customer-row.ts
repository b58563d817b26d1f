// One CSV row as the body of POST /api/customers: cells as people type them in a spreadsheet
// (زن / مرد, بله / خیر, Jalali birthdays, tags separated by ; or ،) turned into the API's values,
// then checked by the API's own schema.
import { CustomerCreateInput, type CustomerCreate } from "../customers/customer.schemas";
import { toAsciiDigits } from "../cid/digits";
import { dateProblem, isoDate, parseDate } from "./dates";
import { cellOf, columnOf, type ResolvedMapping } from "./import-mapping";
import type { RowError } from "./import.schema";
import { rowError, zodRowErrors } from "./row-errors";

const TEXT_FIELDS = ["firstName", "lastName", "organizationName", "mobile", "email", "nationalCode", "username", "province", "city", "postalCode", "address"] as const;

const word = (raw: string) => toAsciiDigits(raw.normalize("NFKC")).trim().toLowerCase().replace(/[\s\u200c]+/g, " ");

const GENDERS: Record<string, string> = { female: "female", f: "female", woman: "female", "زن": "female", "خانم": "female", male: "male", m: "male", man: "male", "مرد": "male", "آقا": "male", other: "other", "سایر": "other", "دیگر": "other" };
const KINDS: Record<string, string> = { person: "person", individual: "person", "حقیقی": "person", "شخص": "person", organization: "organization", company: "organization", "حقوقی": "organization", "سازمان": "organization", "شرکت": "organization" };
const CONSENTS: Record<string, string> = {
  granted: "granted", yes: "granted", y: "granted", true: "granted", "1": "granted", "بله": "granted", "آری": "granted", "دارد": "granted",
  withdrawn: "withdrawn", no: "withdrawn", n: "withdrawn", false: "withdrawn", "0": "withdrawn", "خیر": "withdrawn", "نه": "withdrawn", "ندارد": "withdrawn",
  unknown: "unknown", "نامشخص": "unknown",
};

/** A cell read through a table of synonyms; an unknown value goes on as typed, for the schema to refuse. */
const choice = (table: Record<string, string>, raw: string) => table[word(raw)] ?? raw;

export type CustomerRowResult = { ok: true; input: CustomerCreate; present: Set<string> } | { ok: false; errors: RowError[] };

/** The create body a row makes, and which of its fields the row gave a value (a merge writes only those). */
export function customerFromRow(mapping: ResolvedMapping, cells: readonly string[]): CustomerRowResult {
  const body: Record<string, unknown> = {};
  const cell = (field: string) => cellOf(mapping, cells, field);
  for (const field of TEXT_FIELDS) {
    const value = cell(field);
    if (value !== undefined) body[field] = value;
  }
  const kind = cell("kind");
  if (kind !== undefined) body.kind = choice(KINDS, kind);
  const gender = cell("gender");
  if (gender !== undefined) body.gender = choice(GENDERS, gender);
  const birthday = cell("birthday");
  // Read here in either calendar; a cell that is no real day is refused with the reason.
  const birthdayParts = birthday === undefined ? undefined : parseDate(birthday);
  if (birthdayParts) body.birthday = isoDate(birthdayParts);
  const tags = cell("tags");
  if (tags !== undefined) body.tags = [...new Set(tags.split(/[;,،|]/).map((tag) => tag.trim()).filter(Boolean))];
  const consent: Record<string, string> = {};
  const sms = cell("consentSms");
  const email = cell("consentEmail");
  if (sms !== undefined) consent.sms = choice(CONSENTS, sms);
  if (email !== undefined) consent.email = choice(CONSENTS, email);
  if (Object.keys(consent).length) body.consent = consent;

  const parsed = CustomerCreateInput.safeParse(body);
  const errors = [
    ...(birthday !== undefined && !birthdayParts ? [rowError("birthday", columnOf(mapping, "birthday"), dateProblem(birthday))] : []),
    ...(parsed.success ? [] : zodRowErrors(parsed.error, (path) => columnOf(mapping, fieldOfPath(path)))),
  ];
  if (!parsed.success || errors.length) return { ok: false, errors };
  return { ok: true, input: parsed.data, present: new Set(Object.keys(body)) };
}

/** The mapped field an error path belongs to: "consent.sms" → consentSms, "tags.2" → tags. */
export function fieldOfPath(path: string): string {
  const [head, next] = path.split(".");
  if (head === "consent" && next) return `consent${next[0]!.toUpperCase()}${next.slice(1)}`;
  return head ?? path;
}
