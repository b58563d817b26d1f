// What an export shows of personal data: everything to whoever holds customers.pii:read, masked
// (as on screen) to anyone else, including values that travel inside event payloads and audit
// details (a customer.created event carries the CID, which may be a mobile).
import { toIso } from "../data/clock";
import { verifyIranianNationalId } from "@persian-tools/persian-tools";
import { maskAddress, maskEmail, maskIdentifier, maskMobile, maskNationalCode, maskPostalCode, PII_IDENTIFIER_KINDS } from "../customers/mask";
import type { IdentifierKind } from "../customers/customers.schema";

export function shownIdentifier(kind: IdentifierKind, value: string, revealPii: boolean): string {
  return revealPii || !PII_IDENTIFIER_KINDS.has(kind) ? value : maskIdentifier(kind, value);
}

export const shownAddress = (address: string | null, revealPii: boolean) => (address === null || revealPii ? address : maskAddress(address));

export const shownPostalCode = (code: string | null, revealPii: boolean) => (code === null || revealPii ? code : maskPostalCode(code));

/** Masks a stored (normalized) mobile, e-mail or national code found anywhere in a value. */
function maskRecognised(text: string): string {
  if (/^\+989\d{9}$/.test(text)) return maskMobile(text);
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return maskEmail(text);
  if (/^\d{10}$/.test(text) && verifyIranianNationalId(text)) return maskNationalCode(text);
  return text;
}

export function maskPersonalData(value: unknown, key = ""): unknown {
  if (typeof value === "string") return key === "address" ? maskAddress(value) : key === "postalCode" ? maskPostalCode(value) : maskRecognised(value);
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, maskPersonalData(inner, name)]));
  }
  return value;
}

/** Times are epoch ms in the database and ISO 8601 in every export, as in the API. */
export function withIsoTimes<Row extends object>(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([name, value]) => [name, name.endsWith("At") && typeof value === "number" ? toIso(value) : value]));
}
