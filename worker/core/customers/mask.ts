// Masking of personal data for staff without `customers.pii:read`: enough to recognise a
// customer on the phone, not enough to walk off with the list. Few digits show (0912*****67,
// 00*******9): guessing the hidden ones by lookup takes up to 100,000 tries for a mobile and
// 1,000,000 for a national code (its last digit checks the rest), far beyond the probe budget.
import { localMobile } from "../cid/normalize-mobile";
import type { IdentifierKind } from "./customers.schema";

const stars = (count: number) => "*".repeat(Math.max(3, count));

export function maskMobile(canonical: string): string {
  const local = localMobile(canonical);
  return `${local.slice(0, 4)}${stars(local.length - 6)}${local.slice(-2)}`;
}

export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  const visible = local.length <= 2 ? local.slice(0, 1) : `${local[0]}${stars(0)}${local.at(-1)}`;
  return `${visible}${local.length <= 2 ? stars(0) : ""}@${domain}`;
}

export function maskNationalCode(code: string): string {
  return `${code.slice(0, 2)}${stars(code.length - 3)}${code.slice(-1)}`;
}

export function maskAddress(address: string): string {
  return address.length <= 6 ? stars(address.length) : `${address.slice(0, 6)}…`;
}

/** The region (first two digits) only: the whole code finds the building. */
export function maskPostalCode(code: string): string {
  return `${code.slice(0, 2)}${stars(code.length - 2)}`;
}

/** Kinds whose values are personal data; codes and shop ids are not. */
export const PII_IDENTIFIER_KINDS: ReadonlySet<IdentifierKind> = new Set(["mobile", "email", "national_code"]);

export function maskIdentifier(kind: IdentifierKind, value: string): string {
  switch (kind) {
    case "mobile":
      return maskMobile(value);
    case "email":
      return maskEmail(value);
    case "national_code":
      return maskNationalCode(value);
    default:
      return value;
  }
}
